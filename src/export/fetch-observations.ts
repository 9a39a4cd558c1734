import { criterionKey } from '../criteria/metric-key.ts';
import type { MeasuredCriterion } from './measured-criterion.ts';
import type { PlanExport } from './plan-export.ts';
import { queryRange } from './prometheus-api.ts';
import { prometheusDuration } from './prometheus-duration.ts';

/** An observation as `results.yaml` holds it, fetched from Prometheus. */
export interface FetchedObservation {
  criterion: string;
  series: Array<{ at: string; value: number; baseline?: number }>;
  unit?: string;
  window?: string;
  source: string;
}

export interface FetchResult {
  observations: FetchedObservation[];
  /** What could not be fetched and why: no data, readings Prometheus gave as NaN or infinite. */
  notes: string[];
}

/**
 * Reads every criterion's metric from Prometheus over `[start, end]` (seconds), one reading per
 * catalogue interval. Criteria measuring the same metric over the same window share one observation.
 */
export async function fetchObservations(plan: PlanExport, address: string, start: number, end: number): Promise<FetchResult> {
  const step = plan.catalog.prometheus.interval.seconds;
  const first = Math.ceil(start / step) * step;
  const groups = new Map<string, MeasuredCriterion>();
  for (const measured of [...plan.rollback, ...plan.exit]) {
    const period = measured.criterion.window?.kind === 'period' ? measured.criterion.window.seconds : null;
    const key = `${criterionKey(measured.criterion)}@${period ?? ''}`;
    if (!groups.has(key)) groups.set(key, measured);
  }
  const observations: FetchedObservation[] = [];
  const notes: string[] = [];
  for (const measured of groups.values()) {
    const { criterion, readings } = measured;
    const name = criterion.percentile === null ? criterion.metric : `${criterion.metric} p${criterion.percentile}`;
    const values = await queryRange(address, readings.query, first, end, step);
    const baselines = readings.baseline === null ? null : new Map(await queryRange(address, readings.baseline, first, end, step));
    // Results hold a rate per the criterion's own count ("per 1,000 sessions").
    const scale = criterion.per !== null && readings.per !== null ? criterion.per.count / readings.per : 1;
    let skipped = 0;
    const series = values.flatMap(([time, value]) => {
      const baseline = baselines?.get(time);
      if (!Number.isFinite(value) || (baselines && (baseline === undefined || !Number.isFinite(baseline)))) {
        skipped++;
        return [];
      }
      return [{ at: new Date(time * 1000).toISOString(), value: value * scale, ...(baseline === undefined ? {} : { baseline: baseline * scale }) }];
    });
    if (skipped > 0) notes.push(`\`${name}\`: ${skipped} readings left out, where Prometheus gave no finite value${baselines ? ' or no baseline' : ''}.`);
    if (series.length === 0) {
      notes.push(`\`${name}\` (line ${criterion.line}): no data in the time box; its criteria stay without data.`);
      continue;
    }
    observations.push({
      criterion: name,
      series,
      ...(readings.unit === null ? {} : { unit: readings.unit }),
      ...(criterion.window?.kind === 'period' ? { window: prometheusDuration(criterion.window.seconds) } : {}),
      source: `Prometheus ${address}, every ${prometheusDuration(step)}: ${readings.query}`,
    });
  }
  return { observations, notes };
}
