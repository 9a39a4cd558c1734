import { observationKey, observationName } from '../criteria/metric-key.ts';
import { ExportError } from './export-error.ts';
import type { MeasuredCriterion } from './measured-criterion.ts';
import { PlanExportError } from './plan-export.ts';
import { PrometheusError, queryRange } from './prometheus-api.ts';
import { prometheusDuration } from './prometheus-duration.ts';

/** An observation as `results.yaml` holds it, fetched from Prometheus. */
export interface FetchedObservation {
  criterion: string;
  series: Array<{ at: string; value: number; baseline?: number }>;
  interval: string;
  unit?: string;
  window?: string;
  source: string;
}

export interface FetchResult {
  observations: FetchedObservation[];
  /** What could not be fetched and why: no data, readings Prometheus gave as NaN. */
  notes: string[];
}

/**
 * Criteria that share an observation (one metric over one window) must agree on what it holds: a
 * baseline per reading or none, and one denominator for a rate.
 */
function sharedGroups(measured: readonly MeasuredCriterion[]): MeasuredCriterion[][] {
  const groups = new Map<string, MeasuredCriterion[]>();
  for (const each of measured) {
    const period = each.criterion.window?.kind === 'period' ? each.criterion.window.seconds : null;
    const key = observationKey(observationName(each.criterion), period);
    groups.set(key, [...(groups.get(key) ?? []), each]);
  }
  const problems: ExportError[] = [];
  for (const group of groups.values()) {
    const [first, ...rest] = group;
    if (!first) continue;
    for (const other of rest) {
      const why =
        (first.criterion.baseline === null) !== (other.criterion.baseline === null)
          ? 'one compares with a baseline and the other does not'
          : first.criterion.per?.count !== other.criterion.per?.count
            ? `they count per ${first.criterion.per?.count ?? 'nothing'} and per ${other.criterion.per?.count ?? 'nothing'}`
            : null;
      if (why)
        problems.push(
          new ExportError(
            other.criterion,
            `it measures \`${first.metric}\` over the same window as line ${first.criterion.line}, but ${why}, and results.yaml holds one observation for both. Give one of them its own window or its own entry in metrics.yaml.`,
          ),
        );
    }
  }
  if (problems.length > 0) throw new PlanExportError(problems);
  return [...groups.values()];
}

/**
 * Reads each measured criterion's metric from Prometheus over `[start, end]` (seconds), one reading
 * per catalogue interval. Throws `PlanExportError` for criteria that cannot share an observation and
 * `PrometheusError` when Prometheus cannot answer, or answers with an infinite value, which an alert
 * would act on and a results file cannot hold.
 */
export async function fetchObservations(measured: readonly MeasuredCriterion[], intervalSeconds: number, address: string, start: number, end: number): Promise<FetchResult> {
  const first = Math.ceil(start / intervalSeconds) * intervalSeconds;
  const observations: FetchedObservation[] = [];
  const notes: string[] = [];
  for (const [lead] of sharedGroups(measured)) {
    if (!lead) continue;
    const { criterion, readings } = lead;
    const name = observationName(criterion);
    const values = await queryRange(address, readings.query, first, end, intervalSeconds);
    const baselines = readings.baseline === null ? null : new Map(await queryRange(address, readings.baseline, first, end, intervalSeconds));
    // Results hold a rate per the criterion's own count ("per 1,000 sessions").
    const scale = criterion.per !== null && readings.per !== null ? criterion.per.count / readings.per : 1;
    let skipped = 0;
    const series = values.flatMap(([time, value]) => {
      const baseline = baselines?.get(time);
      for (const [what, number] of [
        ['value', value],
        ['baseline', baseline],
      ] as const) {
        if (number !== undefined && Math.abs(number) === Infinity) {
          throw new PrometheusError(
            `Prometheus gave ${number > 0 ? '+' : '-'}Inf as the ${what} of \`${name}\` (line ${criterion.line}) at ${new Date(time * 1000).toISOString()}, usually a division by zero; an alert would act on it and results.yaml cannot hold it. Guard the denominator in metrics.yaml, such as \`/ clamp_min(…, 1)\`.`,
          );
        }
      }
      // NaN (no traffic: 0 / 0) meets no threshold in Prometheus either; the reading is left out and said so.
      if (Number.isNaN(value) || (baselines !== null && (baseline === undefined || Number.isNaN(baseline)))) {
        skipped++;
        return [];
      }
      return [{ at: new Date(time * 1000).toISOString(), value: value * scale, ...(baseline === undefined ? {} : { baseline: baseline * scale }) }];
    });
    if (skipped > 0) notes.push(`\`${name}\`: ${skipped} readings left out, where Prometheus gave NaN${baselines ? ' or no baseline' : ''}.`);
    if (series.length === 0) {
      notes.push(`\`${name}\` (line ${criterion.line}): no data in the time box; an observation of it already in the results file is kept as it was.`);
      continue;
    }
    observations.push({
      criterion: name,
      series,
      interval: prometheusDuration(intervalSeconds),
      ...(readings.unit === null ? {} : { unit: readings.unit }),
      ...(criterion.window?.kind === 'period' ? { window: prometheusDuration(criterion.window.seconds) } : {}),
      source: `Prometheus ${address}, every ${prometheusDuration(intervalSeconds)}: ${readings.query}`,
    });
  }
  return { observations, notes };
}
