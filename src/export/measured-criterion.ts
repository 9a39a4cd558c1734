import { convertUnit, formatDuration } from '../criteria/units.ts';
import { findBinding } from '../model/metric-catalog.ts';
import type { Comparator, Criterion } from '../schemas/criterion-schema.ts';
import type { MetricBinding, MetricCatalog } from '../schemas/metric-catalog-schema.ts';
import { ExportError } from './export-error.ts';
import { prometheusDuration } from './prometheus-duration.ts';

/**
 * A criterion as a monitoring system can test it: a PromQL expression for the measured value, in the
 * query's own unit, and the comparison the criterion makes on it.
 */
export interface MeasuredCriterion {
  criterion: Criterion;
  /** The catalogue entry's name. */
  metric: string;
  /** PromQL for the value compared: the catalogue's query with its placeholders filled, or its change from the baseline. */
  query: string;
  /** The query with `{{window}}` left for a target that fills it itself (Flagger's `{{ interval }}`); null when it has none. */
  template: string | null;
  /** The catalogue's query and baseline query as filled, for fetching the readings themselves. */
  readings: { query: string; baseline: string | null; unit: NonNullable<MetricBinding['unit']> | null; per: number | null };
  /** The range `{{window}}` stood for, in seconds. */
  rangeSeconds: number;
  comparator: Comparator;
  /** The threshold in the query's unit; the low bound of `between`. */
  threshold: number;
  upper: number | null;
  /** How long the condition must hold, in seconds: a sustained window or a run of checks; 0 for at once. */
  holdSeconds: number;
}

// Numbers as PromQL literals: no exponent for ordinary thresholds, no float noise from conversion.
export function promNumber(value: number): string {
  return String(Math.round(value * 1e9) / 1e9);
}

/** The change from the baseline, as the evaluator computes it, in PromQL; `on()` pairs two one-series results. */
function change(query: string, baseline: string, criterion: Criterion): string {
  const { change: kind, direction } = criterion.baseline ?? { change: 'points', direction: 'either' };
  const q = `(${query})`;
  const b = `(${baseline})`;
  const difference = direction === 'decrease' ? `${b} - on() ${q}` : `${q} - on() ${b}`;
  const signed = direction === 'either' ? `abs(${q} - on() ${b})` : `(${difference})`;
  if (kind === 'points') return signed;
  if (kind === 'relative') return `100 * ${signed} / on() abs(${b})`;
  if (direction === 'either') throw new ExportError(criterion, 'a ratio either way from the baseline ("within 2x of") has no single PromQL comparison. Write it as an increase or a decrease.');
  return direction === 'decrease' ? `${b} / on() ${q}` : `${q} / on() ${b}`;
}

/**
 * Reads one criterion against the catalogue. Throws `ExportError` when it cannot be measured as the
 * plan states it: no entry, units that do not convert, a window the query cannot take.
 */
export function measureCriterion(criterion: Criterion, catalog: MetricCatalog, planId: string | null): MeasuredCriterion {
  const bound = findBinding(criterion, catalog, planId);
  const name = criterion.percentile === null ? criterion.metric : `p${criterion.percentile} ${criterion.metric}`;
  if (!bound) throw new ExportError(criterion, `no entry in metrics.yaml measures \`${name}\`. Add it under \`metrics\` with its query, or as a synonym of the entry that measures it.`);
  const { binding } = bound;
  const fail = (reason: string): never => {
    throw new ExportError(criterion, reason);
  };
  const period = criterion.window?.kind === 'period' ? criterion.window : null;
  if (period && !binding.query.includes('{{window}}'))
    fail(`the query for \`${bound.name}\` has no \`{{window}}\`, so the window \`${period.text}\` cannot apply. Add \`{{window}}\` to its range selectors.`);
  const rangeSeconds = period?.seconds ?? binding.window.seconds;
  if (binding.query.includes('{{quantile}}') && criterion.percentile === null)
    fail(`the query for \`${bound.name}\` takes a percentile (\`{{quantile}}\`), and the criterion names none. Name one, such as \`p95 ${criterion.metric}\`.`);
  const fill = (query: string, window: string) => query.replaceAll('{{window}}', window).replaceAll('{{quantile}}', promNumber((criterion.percentile ?? 0) / 100));
  const range = prometheusDuration(rangeSeconds);

  let scale = 1;
  if (criterion.per !== null) {
    if (binding.per === undefined)
      fail(`the criterion is a rate per ${criterion.per.count} ${criterion.per.unit}, and the entry \`${bound.name}\` gives no \`per\`. Add \`per: <how many the query's value is counted against>\`.`);
    scale = (binding.per ?? 1) / criterion.per.count;
  } else if (binding.per !== undefined) {
    fail(`the entry \`${bound.name}\` is a rate per ${binding.per}, and the criterion gives no denominator. Write it as a rate, such as \`fewer than 2 per 1,000 sessions\`.`);
  }
  // A relative change or a ratio has no unit and no denominator. A change in points is in the query's
  // own terms, except percentage points, which are the difference of two percentages.
  const unitless = criterion.baseline !== null && criterion.baseline.change !== 'points';
  const convert = (value: number): number => {
    if (unitless) return value;
    if (criterion.unit === (binding.unit ?? null) || (criterion.baseline !== null && criterion.unit === 'pp')) return value * scale;
    const converted = criterion.unit === null || binding.unit === undefined ? null : convertUnit(value, criterion.unit, binding.unit);
    return converted === null
      ? fail(
          `the criterion is in \`${criterion.unit ?? 'plain numbers'}\` and the query for \`${bound.name}\` in \`${binding.unit ?? 'plain numbers'}\`, which do not convert. Set \`unit\` on the entry to what its query returns.`,
        )
      : converted * scale;
  };
  const readings = {
    query: fill(binding.query, range),
    baseline: criterion.baseline === null || binding.baseline === undefined ? null : fill(binding.baseline, range),
    unit: binding.unit ?? null,
    per: binding.per ?? null,
  };
  let query = readings.query;
  let template: string | null = binding.query.includes('{{window}}') ? fill(binding.query, '{{window}}') : null;
  if (criterion.baseline !== null) {
    if (binding.baseline === undefined)
      fail(`the criterion compares with ${criterion.baseline.text}, and the entry \`${bound.name}\` has no \`baseline\` query. Add one giving the figure of ${criterion.baseline.text}.`);
    query = change(query, fill(binding.baseline ?? '', range), criterion);
    template = template === null ? null : change(template, fill(binding.baseline ?? '', '{{window}}'), criterion);
  }

  const { sequence, window } = criterion;
  const sustained = window?.kind === 'sustained' ? window : null;
  if (sustained && sequence) fail(`it holds both for ${formatDuration(sustained.seconds)} and on ${sequence.count} ${sequence.unit} in a row; keep one.`);
  // "Two consecutive failed health checks": each check counts when the metric shows a failure.
  const counting = sequence !== null && criterion.comparator === '>=' && criterion.value === sequence.count;
  const interval = catalog.prometheus.interval.seconds;
  return {
    criterion,
    metric: bound.name,
    query,
    template,
    readings,
    rangeSeconds,
    comparator: criterion.comparator,
    threshold: counting ? 1 : convert(criterion.value),
    upper: criterion.upper === null ? null : convert(criterion.upper),
    holdSeconds: sustained ? sustained.seconds : sequence ? (sequence.count - 1) * interval : 0,
  };
}
