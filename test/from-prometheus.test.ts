import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { readYaml } from '../src/model/yaml-document.ts';
import { repo } from './export-helpers.ts';
import { freePort } from './free-port.ts';
import { PROMETHEUS, PROMTOOL, prometheusTests, requirePrometheus } from './promtool.ts';

/*
 * `evaluate --from-prometheus` against a real Prometheus from Debian's package, on a loopback port,
 * with a week of readings backfilled through `promtool tsdb create-blocks-from openmetrics`. Three
 * pilots share the server: one to scale, one to iterate, one to roll back.
 */

const project = join(repo, 'test/.tmp/from-prometheus');
const START = Date.parse('2026-12-07T00:00:00Z') / 1000;
const NOW = new Date('2026-12-20T00:00:00Z');
const MINUTES = 7 * 24 * 60 + 60;

interface Pilot {
  id: string;
  duration: string;
  /** Error percentage at minute `m`. */
  errors: (minute: number) => number;
}

const PILOTS: Pilot[] = [
  { id: 'scale-pilot', duration: '1 week', errors: () => 0.2 },
  { id: 'iterate-pilot', duration: '2 days', errors: () => 0.8 },
  // Three per cent for 40 minutes on the first afternoon: over 2% for 15 minutes.
  { id: 'rollback-pilot', duration: '2 days', errors: (minute) => (minute >= 900 && minute < 940 ? 3 : 0.2) },
];

function planText(pilot: Pilot): string {
  const base = readFileSync(join(repo, 'test/fixtures/rollback-trigger/ok.mdx'), 'utf8');
  return base
    .replace('status: draft', 'status: active')
    .replace('duration: 2 weeks', `duration: ${pilot.duration}`)
    .replace('- P1 defects = 0\n', '- P1 defects = 0\n- p95 cart load time < 800 ms\n- Conversion within 1 point of the control group\n');
}

function catalog(): string {
  const entries = PILOTS.flatMap(({ id }) => [
    `  ${id} error rate:`,
    `    synonyms: [error rate]`,
    `    plans: [${id}]`,
    `    query: 100 * sum(rate(carts_requests_total{pilot="${id}",code="500"}[{{window}}])) / sum(rate(carts_requests_total{pilot="${id}"}[{{window}}]))`,
    `    unit: '%'`,
    `  ${id} P1 defects:`,
    `    synonyms: [P1 defects]`,
    `    plans: [${id}]`,
    `    query: max(jira_open_p1{pilot="${id}"})`,
    `  ${id} cart load time:`,
    `    synonyms: [cart load time]`,
    `    plans: [${id}]`,
    `    query: max(cart_load_seconds{pilot="${id}",quantile="{{quantile}}"})`,
    `    unit: s`,
    `  ${id} conversion:`,
    `    synonyms: [conversion]`,
    `    plans: [${id}]`,
    `    query: max(conversion_percent{pilot="${id}",cohort="pilot"})`,
    `    baseline: max(conversion_percent{pilot="${id}",cohort="control"})`,
    `    unit: '%'`,
  ]);
  return ['prometheus:', '  address: http://prometheus.monitoring:9090', '  interval: 1m', 'metrics:', ...entries, ''].join('\n');
}

/** A week of readings in OpenMetrics text: counters every minute, gauges beside them, timestamps in seconds. */
function openMetrics(): string {
  const lines = ['# TYPE carts_requests counter', '# TYPE jira_open_p1 gauge', '# TYPE cart_load_seconds gauge', '# TYPE conversion_percent gauge'];
  const series: string[][] = [];
  for (const pilot of PILOTS) {
    const ok: string[] = [];
    const failed: string[] = [];
    const p1: string[] = [];
    const load: string[] = [];
    const pilotConversion: string[] = [];
    const control: string[] = [];
    let total = 0;
    let errors = 0;
    for (let minute = 0; minute <= MINUTES; minute++) {
      const time = START + minute * 60;
      errors += pilot.errors(minute) * 10;
      total += 1000 - pilot.errors(minute) * 10;
      ok.push(`carts_requests_total{pilot="${pilot.id}",code="200"} ${total} ${time}`);
      failed.push(`carts_requests_total{pilot="${pilot.id}",code="500"} ${errors} ${time}`);
      p1.push(`jira_open_p1{pilot="${pilot.id}"} 0 ${time}`);
      load.push(`cart_load_seconds{pilot="${pilot.id}",quantile="0.95"} 0.5 ${time}`);
      pilotConversion.push(`conversion_percent{pilot="${pilot.id}",cohort="pilot"} ${3 + (minute % 60) / 100} ${time}`);
      control.push(`conversion_percent{pilot="${pilot.id}",cohort="control"} ${2.8 + (minute % 30) / 100} ${time}`);
    }
    series.push(ok, failed, p1, load, pilotConversion, control);
  }
  // Each series in time order, one after another: out-of-order samples would be dropped.
  return `${[...lines, ...series.flat()].join('\n')}\n# EOF\n`;
}

// A week of readings: the fast reader, which `test/simple-yaml.test.ts` holds to the YAML parser, reads it in a tenth of the time.
const parsed = (text: string) => readYaml(text).data as { observations: Array<{ criterion: string }> };

let server: ChildProcess | null = null;
let url = '';

async function evaluate(id: string, ...extra: string[]) {
  let output = '';
  let errors = '';
  const code = await main({ argv: ['evaluate', `content/plans/${id}/v1.mdx`, ...extra], cwd: project, now: NOW, logMessage: (text) => (output += text), logError: (text) => (errors += `${text}\n`) });
  return { code, output, errors };
}

describe.runIf(prometheusTests)('evaluate --from-prometheus, against a real Prometheus', () => {
  beforeAll(async () => {
    requirePrometheus();
    rmSync(project, { recursive: true, force: true });
    for (const pilot of PILOTS) {
      mkdirSync(join(project, 'content/plans', pilot.id), { recursive: true });
      writeFileSync(join(project, 'content/plans', pilot.id, 'v1.mdx'), planText(pilot));
    }
    writeFileSync(join(project, 'content/metrics.yaml'), catalog());
    writeFileSync(join(project, 'data.om'), openMetrics());
    const blocks = spawnSync(PROMTOOL, ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=168h', join(project, 'data.om'), join(project, 'tsdb')], { encoding: 'utf8' });
    expect(blocks.status, blocks.stderr).toBe(0);
    writeFileSync(join(project, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\n');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Retention is measured from the newest block, not the clock: keep the backfilled week whatever the date.
    server = spawn(
      PROMETHEUS,
      [
        `--config.file=${join(project, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(project, 'tsdb')}`,
        '--storage.tsdb.retention.time=100y',
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=error',
      ],
      { stdio: 'ignore' },
    );
    for (let tries = 0; tries < 200; tries++) {
      const ready = await fetch(`${url}/-/ready`)
        .then((response) => response.ok)
        .catch(() => false);
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Prometheus did not become ready at ${url}`);
  });

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('scale: fetches a week of readings into results.yaml, keeps what was typed by hand, and decides', async () => {
    const results = join(project, 'content/plans/scale-pilot/results.yaml');
    writeFileSync(results, '# Friday review: figures below are fetched.\nversion: 1\nobservations:\n  - criterion: Error rate\n    value: 9\n  - criterion: Basket size\n    value: 3\n');
    const { code, output, errors } = await evaluate('scale-pilot', '--from-prometheus', url, '--format', 'json');
    expect(errors).toContain(`pilotplan: wrote 4 observations from ${url} (2026-12-07T00:00:00.000Z to 2026-12-14T00:00:00.000Z) to content/plans/scale-pilot/results.yaml.`);
    expect(code).toBe(0);
    expect(JSON.parse(output).decision).toBe('scale');
    const text = readFileSync(results, 'utf8');
    expect(text).toContain('# Friday review: figures below are fetched.');
    const written = readYaml(text).data as {
      version: number;
      observations: Array<{ criterion: string; value?: number; series?: Array<{ at: string; value: number; baseline?: number }>; source?: string }>;
    };
    expect(written.version).toBe(1);
    expect(written.observations.map((observation) => observation.criterion)).toEqual(['Basket size', 'error rate', 'P1 defects', 'cart load time p95', 'conversion']);
    const errorRate = written.observations.find((observation) => observation.criterion === 'error rate');
    // A week at one reading a minute is more than one query may return: it was asked in pieces. The
    // first minute has no rate yet (one sample), so the readings start at 00:01 and run to the week's end.
    expect(errorRate?.series).toHaveLength(7 * 24 * 60);
    expect(errorRate?.series?.[0]?.at).toBe('2026-12-07T00:01:00.000Z');
    expect(errorRate?.series?.at(-1)?.at).toBe('2026-12-14T00:00:00.000Z');
    expect(errorRate?.source).toContain(`Prometheus ${url}, every 1m: 100 * sum(rate(carts_requests_total{pilot="scale-pilot",code="500"}[5m]))`);
    const conversion = written.observations.find((observation) => observation.criterion === 'conversion');
    expect(conversion?.series?.[0]).toEqual({ at: '2026-12-07T00:00:00.000Z', value: 3, baseline: 2.8 });
    // The unused hand-typed figure is kept and reported, as for any results file.
    expect(errors).toContain('Unused observation `Basket size`');
  });

  it('iterate: an exit criterion missed, no trigger fired', async () => {
    // A results file that names no version is for the latest in the plan's folder.
    writeFileSync(join(project, 'content/plans/iterate-pilot/results.yaml'), 'observations: []\n');
    const { code, output } = await evaluate('iterate-pilot', '--from-prometheus', url, '--format', 'json');
    expect(code).toBe(0);
    const evaluation = JSON.parse(output);
    expect(evaluation.decision).toBe('iterate');
    expect(evaluation.criteria.map((outcome: { text: string; status: string }) => `${outcome.text}: ${outcome.status}`)).toEqual([
      'Error rate ≤ 0.5%: not-met',
      'P1 defects = 0: met',
      'p95 cart load time < 800 ms: met',
      'Conversion within 1 point of the control group: met',
    ]);
    expect(evaluation.triggers.every((outcome: { status: string }) => outcome.status === 'not-fired')).toBe(true);
  });

  it('rollback: the trigger held for 15 minutes on the real readings', async () => {
    const { code, output } = await evaluate('rollback-pilot', '--from-prometheus', url, '--fail-on', 'rollback');
    expect(code).toBe(1);
    expect(output).toContain('Roll back');
    expect(output).toMatch(/Condition held \d+ min \(2026-12-07T15:0\dZ?[^)]* to 2026-12-07T15:\d\d/);
  });

  it('--print shows the results and writes nothing', async () => {
    const results = join(project, 'content/plans/iterate-pilot/results.yaml');
    const before = readFileSync(results, 'utf8');
    rmSync(results);
    const { code, output } = await evaluate('iterate-pilot', '--from-prometheus', url, '--print');
    expect(code).toBe(0);
    expect(parsed(output).observations).toHaveLength(4);
    expect(existsSync(results)).toBe(false);
    writeFileSync(results, before);
  });

  it('a metric the catalogue lacks is not fetched, and said so; an infinite reading stops the fetch', async () => {
    const catalogue = join(project, 'content/metrics.yaml');
    const original = readFileSync(catalogue, 'utf8');
    const results = join(project, 'content/plans/scale-pilot/results.yaml');
    const before = readFileSync(results, 'utf8');
    try {
      writeFileSync(catalogue, original.replace('  scale-pilot P1 defects:\n    synonyms: [P1 defects]', '  scale-pilot P1 bugs:\n    synonyms: [P1 bugs]'));
      const partial = await evaluate('scale-pilot', '--from-prometheus', url, '--print');
      expect(partial.code).toBe(0);
      expect(partial.errors).toContain('content/plans/scale-pilot/v1.mdx:34:1  warning  Not fetched: `P1 defects = 0`: no entry in metrics.yaml measures `P1 defects`.');
      // What it fetched before stays as it was.
      expect(parsed(partial.output).observations.find((observation: { criterion: string }) => observation.criterion === 'P1 defects')).toEqual(
        parsed(before).observations.find((observation: { criterion: string }) => observation.criterion === 'P1 defects'),
      );
      // 1 / 0 is +Inf: an alert would fire on it, and a results file cannot hold it.
      writeFileSync(catalogue, original.replace('query: max(jira_open_p1{pilot="scale-pilot"})', 'query: 1 / max(jira_open_p1{pilot="scale-pilot"})'));
      const infinite = await evaluate('scale-pilot', '--from-prometheus', url);
      expect(infinite.code).toBe(2);
      expect(infinite.errors).toContain('pilotplan: Prometheus gave +Inf as the value of `P1 defects` (line 34) at 2026-12-07T00:00:00.000Z, usually a division by zero;');
      expect(readFileSync(results, 'utf8')).toBe(before);
    } finally {
      writeFileSync(catalogue, original);
    }
  });

  it('an unreachable server: a clear error, exit 2, results.yaml untouched', async () => {
    const results = join(project, 'content/plans/scale-pilot/results.yaml');
    const before = readFileSync(results, 'utf8');
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { code, errors } = await evaluate('scale-pilot', '--from-prometheus', closed);
    expect(code).toBe(2);
    expect(errors).toContain(`pilotplan: Cannot reach Prometheus at ${closed} (ECONNREFUSED)`);
    expect(errors).toContain('content/plans/scale-pilot/results.yaml is untouched.');
    expect(readFileSync(results, 'utf8')).toBe(before);
  });

  it('a query Prometheus refuses, or an address that is not Prometheus: said as such, nothing written', async () => {
    const { code, errors } = await evaluate('scale-pilot', '--from-prometheus', `${url}/not-prometheus`);
    expect(code).toBe(2);
    expect(errors).toContain('answered HTTP 404 with something that is not Prometheus');
  });
});
