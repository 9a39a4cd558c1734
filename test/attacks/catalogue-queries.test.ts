import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readMetricCatalog } from '../../src/model/metric-catalog.ts';
import { repo, repoConfig } from '../export-helpers.ts';
import { PROMTOOL, prometheusTests, requirePrometheus } from '../promtool.ts';
import { cli, fixtureProject, project } from './attack-helpers.ts';

// Issue 17, item 5: a catalogue query ending in `# }}`, or closing the exporter's bracket early, changed
// what the exported alert means, and check and export both passed it.
const catalogue = (query: string) => `prometheus: { address: http://prometheus:9090 }\nmetrics:\n  error rate:\n    query: ${JSON.stringify(query)}\n    unit: '%'\n`;

describe('catalogue queries are parsed when the catalogue loads', () => {
  const refused: Record<string, { query: string; message: string }> = {
    'a comment hiding the threshold': { query: 'sum(rate(errors_total[{{window}}])) # }}', message: 'Unexpected comment `#`' },
    'a bracket closed early': { query: 'up) > 1e99 or (vector(0)', message: 'Unexpected `)` at character 3' },
    'a bracket left open': { query: 'sum(rate(errors_total[5m])', message: 'Unexpected end of the query with `(` still open' },
    'mismatched brackets': { query: 'sum(rate(errors_total[5m)])', message: 'Unexpected `)` at character 25, expected `]`' },
    'an unterminated string': { query: 'up{job="api}', message: 'Unexpected unterminated string' },
    'a newline in a string': { query: 'up{job="a\nb"}', message: 'Unexpected unterminated string' },
    '{{window}} outside a range': { query: 'sum(errors_total) / {{window}}', message: 'Unexpected `{{window}}` outside a range selector' },
    'template code between braces': {
      query: 'sum(rate(x[{{window}}])){{ slice "}) * 0 or (vector(0)" 1 }}',
      message: 'Unexpected `{{ slice "}) * 0 or `, expected `{{window}}` or `{{quantile}}`: no template code',
    },
    'a brace inside a placeholder': { query: 'sum(x) {{ } # }}', message: 'Unexpected `{{ } # }}`, expected `{{window}}`' },
    '{{quantile}} inside a range': { query: 'rate(latency_seconds_count[{{quantile}}])', message: 'Unexpected `{{quantile}}` inside a selector' },
  };

  it.each(Object.entries(refused))('%s: a positioned error in metrics.yaml', (_name, { query, message }) => {
    const { catalog, problems } = readMetricCatalog(catalogue(query));
    expect(catalog).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining(message) })]);
  });

  it('strings may hold what brackets and comments would be outside them', () => {
    const { problems } = readMetricCatalog(catalogue('sum(rate(http_requests_total{path=~"/a(b|c)#x", code!~`5[0-9]{2}`}[{{window}}]))'));
    expect(problems).toEqual([]);
  });

  it('check and export both stop on such a catalogue with exit 2, before any export', async () => {
    const root = fixtureProject('cli/clean');
    writeFileSync(join(root, 'content/metrics.yaml'), catalogue('sum(rate(errors_total[{{window}}])) # }}'));
    for (const argv of [
      ['check', '--no-cache'],
      ['export', 'content/plans/saved-carts/v1.mdx', '--to', 'prometheus'],
    ]) {
      const { code, stdout, stderr } = await cli(root, ...argv);
      expect(code).toBe(2);
      expect(stderr).toContain('content/metrics.yaml:4:');
      expect(stderr).toContain('Unexpected comment `#`');
      expect(stdout).toBe('');
    }
  });

  it.runIf(prometheusTests)("every query of the repository's catalogue, rendered, passes `promtool check rules`", () => {
    requirePrometheus();
    const { metrics } = repoConfig().metrics;
    const rules = Object.entries(metrics).flatMap(([name, binding], index) =>
      [binding.query, binding.baseline]
        .filter((query) => query !== undefined)
        .map((query, which) => ({
          record: `pilotplan:query_${index}_${which}`,
          expr: query.replaceAll('{{window}}', binding.window.text).replaceAll('{{quantile}}', '0.95'),
          labels: { entry: name },
        })),
    );
    expect(rules.length).toBeGreaterThan(10);
    const file = join(project({}), 'queries.yaml');
    writeFileSync(file, stringify({ groups: [{ name: 'catalogue', rules }] }));
    const result = spawnSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toContain(`SUCCESS: ${rules.length} rules found`);
    expect(result.status).toBe(0);
    expect(readFileSync(join(repo, 'content/metrics.yaml'), 'utf8')).toContain('query:');
  });
});
