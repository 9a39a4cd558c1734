import { spawnSync } from 'node:child_process';
import { globSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { compare, evaluatePlan } from '../src/evaluate/evaluate-plan.ts';
import { exportFile } from '../src/export/export-targets.ts';
import type { MeasuredCriterion } from '../src/export/measured-criterion.ts';
import { promNumber } from '../src/export/measured-criterion.ts';
import type { PlanExport } from '../src/export/plan-export.ts';
import { heldIndicator } from '../src/export/promql-condition.ts';
import { prometheusGroup } from '../src/export/to-prometheus.ts';
import type { Criterion } from '../src/schemas/criterion-schema.ts';
import type { MetricCatalog } from '../src/schemas/metric-catalog-schema.ts';
import type { Observation } from '../src/schemas/results-schema.ts';
import { exportOf, repo, repoConfig } from './export-helpers.ts';
import { PROMTOOL, requirePrometheus } from './promtool.ts';

/*
 * A differential test between Pilotplan's evaluator and Prometheus's own rule engine. Each catalogue
 * query is swapped for a plain series, so what is tested is the translation (comparator, threshold in
 * the query's unit, `for:` from windows and runs of checks, ranges, baselines, escaping) rather than
 * the team's PromQL, which `promtool check rules` reads in export.test.ts. For every check of a
 * generated history, each alert must fire exactly when `evaluatePlan` says its trigger fired on the
 * same readings, and the subquery form Argo Rollouts and Flagger run must say the same.
 */

const START = Date.parse('2026-12-07T00:00:00Z');
const tmp = join(repo, 'test/.tmp/differential');
mkdirSync(tmp, { recursive: true });

/** The catalogue with each query a bare series: `g<i>`, and `b<i>` for a baseline. */
function seriesCatalog(catalog: MetricCatalog): { catalog: MetricCatalog; series: Map<string, string> } {
  const series = new Map<string, string>();
  const metrics = Object.fromEntries(
    Object.entries(catalog.metrics).map(([name, binding], index) => {
      series.set(name, `pilotplan_g${index}`);
      // `{{quantile}}` stays, so percentile criteria bind as they do to the real catalogue.
      const query = `last_over_time(pilotplan_g${index}[{{window}}])${binding.query.includes('{{quantile}}') ? ' + 0 * {{quantile}}' : ''}`;
      return [name, { ...binding, query, ...(binding.baseline ? { baseline: `last_over_time(pilotplan_b${index}[{{window}}])` } : {}) }];
    }),
  );
  return { catalog: { ...catalog, metrics }, series };
}

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const BASELINE = 8;

/** The raw reading that gives `value` as the criterion measures it: itself, or its change from the baseline. */
function rawFor(criterion: Criterion, value: number): number {
  if (!criterion.baseline) return value;
  const { change, direction } = criterion.baseline;
  const sign = direction === 'decrease' ? -1 : 1;
  if (change === 'points') return BASELINE + sign * value;
  if (change === 'relative') return BASELINE * (1 + (sign * value) / 100);
  return direction === 'decrease' ? BASELINE / value : BASELINE * value;
}

/** The measured value Prometheus computes from a raw reading, in the same order of operations as the export. */
function measuredFrom(criterion: Criterion, raw: number): number {
  if (!criterion.baseline) return raw;
  const { change, direction } = criterion.baseline;
  const signed = direction === 'either' ? Math.abs(raw - BASELINE) : direction === 'decrease' ? BASELINE - raw : raw - BASELINE;
  if (change === 'points') return signed;
  if (change === 'relative') return (100 * signed) / Math.abs(BASELINE);
  return direction === 'decrease' ? BASELINE / raw : raw / BASELINE;
}

/**
 * Readings in the query's unit for one criterion: runs that hold one check short of firing, runs that
 * hold long enough, values on the boundary, then random runs.
 */
function segments(measured: MeasuredCriterion, kind: 'exit' | 'rollback', intervalSeconds: number, next: () => number): Array<number | null> {
  const { threshold, upper, criterion } = measured;
  const d = threshold === 0 ? 1 : Math.abs(threshold) / 4;
  const candidates = [threshold - d, threshold, threshold + d, ...(upper === null ? [] : [upper - d, upper, upper + d])].filter(
    (value) => value >= 0 && (criterion.scale === null || value <= criterion.scale),
  );
  // As the evaluator reads the query's value; only used to make runs that matter, never to decide.
  const holds = (value: number) => compare(value, measured.comparator, threshold, upper);
  const breach = candidates.filter((value) => (kind === 'rollback' ? holds(value) : !holds(value)));
  const clear = candidates.filter((value) => !breach.includes(value));
  const pick = (list: number[]) => list[Math.floor(next() * list.length)] ?? candidates[0] ?? 0;
  // An exit criterion's alert fires on each check that misses, so its runs need no length.
  const checks = kind === 'exit' ? 1 : Math.round(measured.holdSeconds / intervalSeconds) + 1;
  const runs: Array<[number, number]> = [
    [pick(clear), 3],
    [pick(breach), checks - 1],
    [pick(clear), 2],
    [pick(breach), checks + 2],
    [pick(clear), 1],
    ...breach.map((value): [number, number] => [value, checks]),
    ...clear.map((value): [number, number] => [value, 2]),
    ...Array.from({ length: 6 }, (_, index): [number, number] => [pick(index % 2 ? clear : breach), 1 + Math.floor(next() * 2 * checks)]),
  ];
  // Gaps (null: no sample) inside a run that would fire: a short one the query's range bridges, and one
  // longer than a 5-minute or 1-hour range, after which the query has no value and `for:` restarts.
  const gaps: Array<[number | null, number]> = [
    [pick(breach), checks - 1],
    [null, 2],
    [pick(breach), checks + 1],
    [null, 63],
    [pick(breach), checks + 1],
    [pick(clear), 1],
  ];
  // Readings as written to Prometheus, so both sides read the same numbers.
  return [...runs, ...gaps].flatMap(([value, length]) => Array.from({ length: Math.max(0, length) }, () => (value === null ? null : Number(promNumber(rawFor(criterion, value))))));
}

// Go's `%v` for a float, as Prometheus's templates print `$value`: shortest digits, an exponent from 1e6 or below 1e-4.
function goFloat(value: number): string {
  if (value === 0 || (Math.abs(value) >= 1e-4 && Math.abs(value) < 1e6)) return String(value);
  const [mantissa, exponent = '0'] = value.toExponential().split('e');
  return `${mantissa}e${exponent.startsWith('-') ? '-' : '+'}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
}

const labelsOf = (plan: PlanExport, kind: 'rollback' | 'exit') => ({
  plan: plan.id,
  version: String(plan.version),
  severity: kind === 'rollback' ? 'critical' : 'info',
  pilotplan_kind: kind === 'rollback' ? 'rollback-trigger' : 'exit-criterion',
});

/** The readings `query_range` would give for the checks up to `end`: a time with no value is left out. */
function observation(measured: MeasuredCriterion, unit: Observation['unit'], readings: ReadonlyArray<{ tick: number; value: number }>): Observation {
  const { criterion } = measured;
  return {
    criterion: criterion.percentile === null ? criterion.metric : `${criterion.metric} p${criterion.percentile}`,
    series: readings.map(({ tick, value }) => {
      const ms = START + tick * 60_000;
      return { at: { text: new Date(ms).toISOString(), ms }, value };
    }) as Observation['series'],
    interval: { text: '1m', seconds: 60 },
    ...(unit === undefined ? {} : { unit }),
    ...(criterion.baseline ? { baseline: BASELINE } : {}),
  };
}

export const plans = globSync('content/{plans,examples}/*/v*.mdx', { cwd: repo }).sort();

/** Runs one plan through both: the plan file at `path`, or `source` as if it were there. */
export function differential(path: string, source?: string): void {
  requirePrometheus();
  const real = repoConfig();
  const { catalog, series } = seriesCatalog(real.metrics);
  const plan = exportOf(path, { ...real, metrics: catalog }, source);
  const interval = catalog.prometheus.interval.seconds;
  const next = random(path.length * 7919);

  // One history per series, made of runs for every criterion it measures.
  const histories = new Map<string, Array<number | null>>();
  for (const [kind, list] of [
    ['rollback', plan.rollback],
    ['exit', plan.exit],
  ] as const) {
    for (const measured of list) histories.set(measured.metric, [...(histories.get(measured.metric) ?? []), ...segments(measured, kind, interval, next)]);
  }
  const ticks = Math.max(...[...histories.values()].map((values) => values.length));
  // A shorter history repeats its last sample to the end.
  const sample = (metric: string, tick: number) => {
    const values = histories.get(metric) ?? [];
    return tick < values.length ? (values[tick] ?? null) : (values.findLast((value) => value !== null) ?? 0);
  };
  // What the query `last_over_time(series[range])` gives at a check: the newest sample in the range, both ends in.
  const valueAt = (measured: MeasuredCriterion, tick: number): number | null => {
    for (let back = tick; back >= Math.max(0, tick - measured.rangeSeconds / 60); back--) {
      const value = sample(measured.metric, back);
      if (value !== null) return value;
    }
    return null;
  };
  const readings = (measured: MeasuredCriterion, end: number, count: number) =>
    Array.from({ length: Math.min(count, end + 1) }, (_, index) => end - Math.min(count, end + 1) + 1 + index).flatMap((tick) => {
      const value = valueAt(measured, tick);
      return value === null ? [] : [{ tick, value }];
    });

  const rules = prometheusGroup(plan).rules;
  const alertTests: unknown[] = [];
  const exprTests: unknown[] = [];
  let fired = 0;
  for (let tick = 0; tick < ticks; tick++) {
    plan.rollback.forEach((measured, index) => {
      const checks = Math.round(measured.holdSeconds / interval) + 1;
      const unit = catalog.metrics[measured.metric]?.unit;
      const outcome = evaluatePlan({ exit: [], rollback: [measured.criterion] }, [observation(measured, unit, readings(measured, tick, checks))]);
      const firing = outcome.triggers[0]?.status === 'fired';
      if (firing) fired++;
      const rule = rules[index];
      const value = goFloat(measuredFrom(measured.criterion, valueAt(measured, tick) ?? 0));
      alertTests.push({
        eval_time: `${tick}m`,
        alertname: rule?.alert,
        exp_alerts: firing
          ? [
              {
                exp_labels: labelsOf(plan, 'rollback'),
                exp_annotations: {
                  summary: `Roll back ${plan.title}: ${measured.criterion.text}`,
                  description: rule?.annotations?.description?.replaceAll('{{ "{{" }}', '{{').replace('{{ $value }}', value),
                  runbook_url: `${plan.url}#rollback`,
                },
              },
            ]
          : [],
      });
      // Rollout tools ask at any second, not on the minute: a hold's subquery must answer the same in between.
      // With no value anywhere in its range it answers nothing, which the exported conditions read as no breach.
      const span = checks - 1;
      const answers = Array.from({ length: Math.min(span, tick) + 1 }, (_, back) => valueAt(measured, tick - back)).some((each) => each !== null);
      const times = measured.holdSeconds > 0 ? [`${tick}m`, `${tick}m29s`, `${tick}m59s`] : [`${tick}m`];
      for (const at of times) exprTests.push({ expr: heldIndicator(measured, interval), eval_time: at, exp_samples: answers ? [{ labels: '{}', value: firing ? 1 : 0 }] : [] });
    });
    plan.exit.forEach((measured, index) => {
      // The "not met" alert fires on each check that misses, whatever hold the criterion asks for.
      const criterion = { ...measured.criterion, window: measured.criterion.window?.kind === 'sustained' ? null : measured.criterion.window, sequence: null };
      const unit = catalog.metrics[measured.metric]?.unit;
      const outcome = evaluatePlan({ exit: [criterion], rollback: [] }, [observation({ ...measured, criterion }, unit, readings({ ...measured, criterion }, tick, 1))]);
      const missing = outcome.criteria[0]?.status === 'not-met';
      const rule = rules[plan.rollback.length + index * 2 + 1];
      const value = goFloat(measuredFrom(measured.criterion, valueAt(measured, tick) ?? 0));
      alertTests.push({
        eval_time: `${tick}m`,
        alertname: rule?.alert,
        exp_alerts: missing
          ? [
              {
                exp_labels: labelsOf(plan, 'exit'),
                exp_annotations: {
                  summary: `Exit criterion not met for ${plan.title}: ${measured.criterion.text}`,
                  description: rule?.annotations?.description?.replaceAll('{{ "{{" }}', '{{').replace('{{ $value }}', value),
                  runbook_url: `${plan.url}#exit-criteria`,
                },
              },
            ]
          : [],
      });
    });
  }
  // The histories must make every trigger fire somewhere and stay quiet elsewhere, or the test proves little.
  expect(fired).toBeGreaterThan(0);
  expect(alertTests.length - fired).toBeGreaterThan(fired);

  // Every series runs to the last check, as `sample` reads it; `_` is a check with no sample.
  const input = [...histories.keys()].map((metric) => ({
    series: series.get(metric),
    values: Array.from({ length: ticks }, (_, tick) => {
      const value = sample(metric, tick);
      return value === null ? '_' : promNumber(value);
    }).join(' '),
  }));
  const baselines = [...plan.exit, ...plan.rollback]
    .filter((measured) => measured.criterion.baseline)
    .map((measured) => ({ series: series.get(measured.metric)?.replace('_g', '_b'), values: `${BASELINE}x${ticks}` }));
  const name = `${plan.id}-v${plan.version}`;
  writeFileSync(join(tmp, `${name}.rules.yaml`), exportFile(plan, 'prometheus'));
  writeFileSync(
    join(tmp, `${name}.test.yaml`),
    stringify(
      { rule_files: [`${name}.rules.yaml`], evaluation_interval: '1m', tests: [{ interval: '1m', input_series: [...input, ...baselines], alert_rule_test: alertTests, promql_expr_test: exprTests }] },
      { lineWidth: 0 },
    ),
  );
  const result = spawnSync(PROMTOOL, ['test', 'rules', join(tmp, `${name}.test.yaml`)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(`${result.stdout}${result.stderr}`.slice(0, 4000)).toContain('SUCCESS');
  expect(result.status).toBe(0);
}
