import { spawnSync } from 'node:child_process';
import { globSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { main } from '../src/cli/main.ts';
import { readCriterion } from '../src/criteria/criteria-grammar.ts';
import { ExportError } from '../src/export/export-error.ts';
import { EXPORT_TARGETS, exportFile } from '../src/export/export-targets.ts';
import { fetchObservations } from '../src/export/fetch-observations.ts';
import type { MeasuredCriterion } from '../src/export/measured-criterion.ts';
import { labelValue, measureEach, PlanExportError, uniqueNames } from '../src/export/plan-export.ts';
import { readMetricCatalog } from '../src/model/metric-catalog.ts';
import { exportOf, repo, repoConfig } from './export-helpers.ts';
import { PROMTOOL, prometheusTests, requirePrometheus } from './promtool.ts';

const plans = globSync('content/{plans,examples}/*/v*.mdx', { cwd: repo }).sort();
const tmp = join(repo, 'test/.tmp/export');
mkdirSync(tmp, { recursive: true });

const documents = (text: string) => parseAllDocuments(text).map((document) => document.toJS() as Record<string, unknown>);
const flagger = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(join(repo, 'test/fixtures/export/flagger.schema.json'), 'utf8')));

function promtool(...args: string[]): { status: number | null; output: string } {
  requirePrometheus();
  const result = spawnSync(PROMTOOL, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('every plan and example exports to every target and passes its validator', () => {
  it('covers the repository', () => {
    expect(plans.length).toBeGreaterThanOrEqual(10);
  });

  it.runIf(prometheusTests).each(plans)('%s: prometheus and prometheus-operator rules pass `promtool check rules`', (path) => {
    const plan = exportOf(path);
    const rules = join(tmp, `${plan.id}-v${plan.version}.rules.yaml`);
    writeFileSync(rules, exportFile(plan, 'prometheus'));
    const [resource] = documents(exportFile(plan, 'prometheus-operator'));
    new PrometheusRule(resource as ConstructorParameters<typeof PrometheusRule>[0]).validate();
    // The operator's spec is a rules file's content; promtool checks it as one.
    const spec = join(tmp, `${plan.id}-v${plan.version}.operator.yaml`);
    writeFileSync(spec, JSON.stringify((resource as { spec: unknown }).spec));
    const checked = promtool('check', 'rules', rules, spec);
    expect(checked.output).not.toContain('FAILED');
    expect(checked.status, checked.output).toBe(0);
    expect(checked.output).toContain(`SUCCESS: ${plan.rollback.length + plan.exit.length * 2} rules found`);
  });

  it.each(plans)('%s: argo-rollouts AnalysisTemplates validate against their published schema', (path) => {
    const plan = exportOf(path);
    const templates = documents(exportFile(plan, 'argo-rollouts'));
    expect(templates.map((template) => template.kind)).toEqual(['AnalysisTemplate', ...(plan.exit.length > 0 ? ['AnalysisTemplate'] : [])]);
    for (const template of templates) {
      new AnalysisTemplate(template as ConstructorParameters<typeof AnalysisTemplate>[0]).validate();
      // The published schema requires no metrics and allows any field: the rest is checked here.
      const metrics = (template.spec as { metrics: Array<Record<string, unknown>> }).metrics;
      expect(metrics.length).toBeGreaterThan(0);
      for (const metric of metrics)
        expect(
          Object.keys(metric).every((key) =>
            ['name', 'interval', 'count', 'successCondition', 'failureCondition', 'failureLimit', 'inconclusiveLimit', 'consecutiveErrorLimit', 'provider'].includes(key),
          ),
        ).toBe(true);
    }
  });

  it.each(plans)('%s: flagger MetricTemplates and Canary analysis validate against the Flagger schema', (path) => {
    const plan = exportOf(path);
    const all = documents(exportFile(plan, 'flagger'));
    expect(all).toHaveLength(plan.rollback.length + 1);
    for (const document of all) expect(flagger(document) ? null : flagger.errors).toBeNull();
    const templates = all.slice(0, -1).map((document) => (document.metadata as { name: string }).name);
    const analysis = (all.at(-1) as { spec: { analysis: { metrics: Array<{ templateRef: { name: string } }> } } }).spec.analysis;
    expect(analysis.metrics.map((metric) => metric.templateRef.name)).toEqual(templates);
    // Flagger renders queries as Go templates: nothing but its own `{{ interval }}` may be left in them.
    for (const document of all.slice(0, -1)) expect((document.spec as { query: string }).query.replaceAll('{{ interval }}', '')).not.toContain('{{');
  });
});

describe('the Flagger schema', () => {
  it('refuses what Flagger refuses', () => {
    const plan = exportOf('content/examples/webhooks-v2/v2.mdx');
    const [template, ...rest] = documents(exportFile(plan, 'flagger'));
    const patch = rest.at(-1) as { spec: { analysis: Record<string, unknown> } };
    expect(flagger(template)).toBe(true);
    expect(flagger({ ...template, spec: { query: 'up' } })).toBe(false);
    expect(flagger({ spec: { analysis: { ...patch.spec.analysis, interval: '1h' } } })).toBe(false);
    expect(flagger({ spec: { analysis: { ...patch.spec.analysis, metrics: [] } } })).toBe(false);
  });
});

/** The repository's config with another catalogue. */
const catalog = (yaml: string) => {
  const { catalog: read, problems } = readMetricCatalog(yaml);
  if (!read) throw new Error(JSON.stringify(problems));
  return { ...repoConfig(), metrics: read };
};
const plan = readFileSync(join(repo, 'test/fixtures/unbound-metric/not-ok.mdx'), 'utf8');

describe('what cannot be exported', () => {
  it('lists every criterion it cannot express, with its line, and exports nothing', () => {
    const config = catalog(`prometheus: { address: 'http://prometheus:9090' }
metrics:
  error rate: { query: 'sum(rate(errors_total[{{window}}]))', unit: s }
  P1 defects: { query: 'max(open_p1)' }
  cart load time: { query: 'histogram_quantile({{quantile}}, sum by (le) (rate(cart_seconds_bucket[5m])))', unit: s }
  checkout errors: { query: 'sum(increase(checkout_errors_total[5m]))' }
`);
    let caught: unknown;
    try {
      exportOf('content/plans/carts/v1.mdx', config, plan);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PlanExportError);
    expect((caught as PlanExportError).problems.map((problem) => problem.message)).toMatchInlineSnapshot(`
      [
        "line 33: \`Error rate ≤ 0.5%\`: the criterion is in \`%\` and the query for \`error rate\` in \`s\`, which do not convert. Set \`unit\` on the entry to what its query returns.",
        "line 36: \`Cart abandonment ≤ 70%\`: no entry in metrics.yaml measures \`cart abandonment\`. Add it under \`metrics\` with its query, or as a synonym of the entry that measures it.",
        "line 37: \`P1 defects = 0 in any 24-hour window\`: the query for \`P1 defects\` has no \`{{window}}\`, so the window \`in any 24-hour window\` cannot apply. Add \`{{window}}\` to its range selectors.",
        "line 45: \`Trigger if error rate > 2% for 15 minutes\`: the criterion is in \`%\` and the query for \`error rate\` in \`s\`, which do not convert. Set \`unit\` on the entry to what its query returns.",
        "line 46: \`Trigger if checkout errors > 50 in an hour\`: the query for \`checkout errors\` has no \`{{window}}\`, so the window \`in an hour\` cannot apply. Add \`{{window}}\` to its range selectors.",
      ]
    `);
  });

  it('exits 2 from the CLI and leaves --out unwritten', async () => {
    const project = join(tmp, 'unbound');
    mkdirSync(join(project, 'content/plans/carts'), { recursive: true });
    writeFileSync(join(project, 'content/plans/carts/v1.mdx'), plan);
    writeFileSync(join(project, 'content/metrics.yaml'), readFileSync(join(repo, 'test/fixtures/unbound-metric/metrics.yaml')));
    let errors = '';
    const code = await main({ argv: ['export', 'content/plans/carts/v1.mdx', '--to', 'prometheus', '--out', 'rules.yaml'], cwd: project, logMessage: () => {}, logError: (text) => (errors += text) });
    expect(code).toBe(2);
    expect(errors).toMatchInlineSnapshot(`
      "pilotplan: cannot export content/plans/carts/v1.mdx to prometheus; nothing was written:
      content/plans/carts/v1.mdx:36:1  \`Cart abandonment ≤ 70%\`: no entry in metrics.yaml measures \`cart abandonment\`. Add it under \`metrics\` with its query, or as a synonym of the entry that measures it.
      content/plans/carts/v1.mdx:37:1  \`P1 defects = 0 in any 24-hour window\`: the query for \`P1 defects\` has no \`{{window}}\`, so the window \`in any 24-hour window\` cannot apply. Add \`{{window}}\` to its range selectors.
      content/plans/carts/v1.mdx:46:1  \`Trigger if checkout errors > 50 in an hour\`: no entry in metrics.yaml measures \`checkout errors\`. Add it under \`metrics\` with its query, or as a synonym of the entry that measures it."
    `);
    expect(globSync('rules.yaml', { cwd: project })).toEqual([]);
  });

  it('refuses an unknown target and a project without a catalogue', async () => {
    let errors = '';
    const io = { logMessage: () => {}, logError: (text: string) => (errors += `${text}\n`) };
    expect(await main({ argv: ['export', 'content/plans/checkout-redesign/v2.mdx', '--to', 'datadog'], cwd: repo, ...io })).toBe(2);
    expect(errors).toContain(`Unknown target \`datadog\`, expected one of ${EXPORT_TARGETS.join(', ')}.`);
    const bare = join(tmp, 'bare');
    mkdirSync(join(bare, 'content/plans/carts'), { recursive: true });
    writeFileSync(join(bare, 'content/plans/carts/v1.mdx'), readFileSync(join(repo, 'test/fixtures/rollback-trigger/ok.mdx')));
    errors = '';
    expect(await main({ argv: ['export', 'content/plans/carts/v1.mdx', '--to', 'prometheus'], cwd: bare, ...io })).toBe(2);
    expect(errors).toContain('No metric catalogue: write content/metrics.yaml');
  });
});

describe('names', () => {
  it('stay unique when cut to what Kubernetes allows, and label values end in a letter or digit', () => {
    const long = 'failed deliveries to one customer endpoint after the third retry of the day';
    const list = [3, 4, 4].map((line) => ({ metric: long, criterion: { line } })) as unknown as MeasuredCriterion[];
    const names = uniqueNames(
      list,
      (parts) => ['pilotplan', 'webhooks-v2', ...parts].join('-'),
      (tag) => `-${tag}`,
      63,
    );
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    expect(labelValue(`${'a'.repeat(62)}--b`)).toBe('a'.repeat(62));
  });
});

describe('fetching', () => {
  it('refuses criteria that would share one observation but cannot, before asking Prometheus anything', async () => {
    const config = catalog(`prometheus: { address: 'http://prometheus:9090' }
metrics:
  error rate: { query: 'avg(error_percent)', baseline: 'avg(error_percent{cohort="control"})', unit: '%' }
`);
    const criteria = ['Error rate ≤ 0.5%', 'Error rate within 1 point of the control group'].map((text, index) => {
      const reading = readCriterion(text, { kind: 'exit' });
      if (reading.status !== 'read' || !reading.criteria[0]) throw new Error(text);
      return { text, line: 40 + index, ...reading.criteria[0] };
    });
    const measured = measureEach(criteria, config.metrics, null).filter((each): each is MeasuredCriterion => !(each instanceof ExportError));
    // A closed port: the refusal must come first, from the criteria alone.
    const refused = await fetchObservations(measured, 60, 'http://127.0.0.1:9', 0, 3600).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PlanExportError);
    expect((refused as PlanExportError).message).toMatchInlineSnapshot(
      `"line 41: \`Error rate within 1 point of the control group\`: it measures \`error rate\` over the same window as line 40, but one compares with a baseline and the other does not, and results.yaml holds one observation for both. Give one of them its own window or its own entry in metrics.yaml."`,
    );
  });
});

describe('the metric catalogue', () => {
  it('reports its problems at their lines', () => {
    const { problems } = readMetricCatalog(`prometheus:
  address: prometheus:9090
metrics:
  error rate:
    query: sum(rate(errors_total[{{range}}]))
    unit: percent
  errors:
    query: up
    synonyms: [error rates]
  latency:
    query: up
    window: 30min
`);
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toMatchInlineSnapshot(`
      [
        "2:12 Unexpected address, expected an http or https URL such as \`http://prometheus.monitoring:9090\` (at \`prometheus.address\`).",
        "5:12 Unexpected placeholder \`{{range}}\`, expected \`{{window}}\` or \`{{quantile}}\`. Write the value itself into the query (at \`metrics.error rate.query\`).",
        "6:11 Unexpected \`percent\` for \`metrics.error rate.unit\`, expected one of \`%\`, \`pp\`, \`ms\`, \`s\`, \`min\`, \`h\`, \`d\`, \`business day\`, \`week\`, \`x\`, \`B\`, \`KB\`, \`MB\`, \`GB\`, \`TB\`, \`KiB\`, \`MiB\`, \`GiB\`, \`TiB\`, \`USD\`, \`EUR\`, \`GBP\`, \`JPY\`, \`CHF\`, \`CAD\`, \`AUD\`, \`INR\`.",
        "12:13 Unexpected duration, expected Prometheus syntax such as \`30s\`, \`5m\` or \`1h30m\` (at \`metrics.latency.window\`).",
      ]
    `);
  });

  it('reads `{{ window }}` as `{{window}}`, so it is filled like it', () => {
    const config = catalog(`prometheus: { address: 'http://prometheus:9090' }
metrics:
  error rate: { query: 'sum(rate(errors_total[{{ window }}])) / sum(rate(requests_total[{{window }}]))', unit: '%' }
  P1 defects: { query: 'max(max_over_time(open_p1[{{window}}]))' }
  cart load time: { query: 'histogram_quantile({{  quantile}}, sum by (le) (rate(cart_seconds_bucket[5m])))', unit: s }
  checkout errors: { query: 'sum(increase(checkout_errors_total[{{ window }}]))' }
  cart abandonment: { query: 'avg(cart_abandonment_percent)', unit: '%' }
`);
    const rules = exportFile(exportOf('content/plans/carts/v1.mdx', config, plan), 'prometheus');
    expect(rules).toContain('sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))');
    expect(rules).toContain('sum(increase(checkout_errors_total[1h]))');
    expect(rules).toContain('histogram_quantile(0.95,');
    expect(rules).not.toContain('{{ window');
  });

  it('refuses two entries a criterion could bind either way, unless they serve other plans or other percentiles', () => {
    const read = (yaml: string) =>
      readMetricCatalog(`prometheus: { address: 'http://prometheus:9090' }\nmetrics:\n${yaml}`).problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
    expect(read(`  error rate: { query: up }\n  errors: { query: up, synonyms: [Error rates] }\n`)).toMatchInlineSnapshot(`
      [
        "4:3 Unexpected \`errors\` answering to \`error rate\`, which \`error rate\` answers to as well in the same plans. Remove the name or synonym from one, or give each entry its own \`plans\`",
      ]
    `);
    expect(read(`  error rate: { query: up, plans: [a] }\n  errors: { query: up, synonyms: [error rate], plans: [b] }\n`)).toEqual([]);
    expect(read(`  latency: { query: 'histogram_quantile({{quantile}}, x)' }\n  mean latency: { query: up, synonyms: [latency] }\n`)).toEqual([]);
  });

  it('a broken catalogue stops `check` with positioned messages, and a changed one is not served from the cache', async () => {
    const project = join(tmp, 'catalogue-cache');
    mkdirSync(join(project, 'content/plans/carts'), { recursive: true });
    writeFileSync(join(project, 'content/plans/carts/v1.mdx'), readFileSync(join(repo, 'test/fixtures/unbound-metric/ok.mdx')));
    const catalogue = readFileSync(join(repo, 'test/fixtures/unbound-metric/metrics.yaml'), 'utf8');
    const check = async () => {
      let output = '';
      let errors = '';
      const code = await main({ argv: ['check', '--format', 'json'], cwd: project, logMessage: (text) => (output += text), logError: (text) => (errors += text) });
      return { code, errors, warnings: code === 2 ? [] : JSON.parse(output).files[0].diagnostics.map((item: { ruleId: string; line: number }) => `${item.line} ${item.ruleId}`) };
    };
    writeFileSync(join(project, 'content/metrics.yaml'), catalogue);
    expect(await check()).toEqual({ code: 0, errors: '', warnings: [] });
    writeFileSync(join(project, 'content/metrics.yaml'), catalogue.replace('  P1 defects:', '  P1 bugs:'));
    expect(await check()).toEqual({ code: 0, errors: '', warnings: ['34 unbound-metric'] });
    writeFileSync(join(project, 'content/metrics.yaml'), catalogue.replace("unit: '%'", 'unit: percent'));
    const broken = await check();
    expect(broken.code).toBe(2);
    expect(broken.errors).toContain('content/metrics.yaml:6:11  Unexpected `percent` for `metrics.error rate.unit`');
  });
});
