import type { Comparator, Criterion, Unit } from '../schemas/criterion-schema.ts';
import type { ParsedCriterion } from './reading.ts';
import { formatDuration } from './units.ts';

// A rate counted against several of a time unit reads "per 15 minutes"; the unit is stored singular.
const TIME_WORDS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month']);

const SIDES = { increase: 'above', decrease: 'below', either: 'from' } as const;

export const COMPARATOR_SIGNS: Readonly<Record<Comparator, string>> = { '=': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥', between: 'between' };

/** A number as people read it: "1,000", "0.5", "4.25". Not `toLocaleString`: it is slow, and this runs per criterion. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  const [whole = '0', fraction] = String(Math.abs(rounded)).split('.');
  return `${rounded < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** A value in its unit: "0.5%", "300 ms", "2x", "500 USD", "1 pp", "4.2/5". */
export function formatQuantity(value: number, unit: Unit | null, scale: number | null = null): string {
  const number = formatNumber(value);
  const withUnit =
    unit === null ? number : unit === '%' || unit === 'x' ? `${number}${unit}` : unit === 'week' || unit === 'business day' ? `${number} ${unit}${value === 1 ? '' : 's'}` : `${number} ${unit}`;
  return scale === null ? withUnit : `${withUnit}/${formatNumber(scale)}`;
}

/** A window as read: "for 30 min" when the condition must hold throughout, "over 1 week" when measured over it. */
export function describeWindow(window: NonNullable<Criterion['window']>): string {
  return `${window.kind === 'sustained' ? 'for' : 'over'} ${formatDuration(window.seconds)}`;
}

/** The threshold without the metric: "≤ 0.5%", "between 150 and 250 ms", "< 4 per 1,000 devices at p90". */
export function describeThreshold(criterion: ParsedCriterion | Criterion): string {
  const parts: string[] = [];
  if (criterion.comparator === 'between') parts.push(`between ${formatNumber(criterion.value)} and ${formatQuantity(criterion.upper ?? criterion.value, criterion.unit)}`);
  else parts.push(`${COMPARATOR_SIGNS[criterion.comparator]} ${formatQuantity(criterion.value, criterion.unit, criterion.scale)}`);
  // A change reads as the author would say it: "≥ 20% below the control group", "≤ 1 pp from baseline", "≤ 1.5x baseline".
  if (criterion.baseline) {
    const { change, direction, text } = criterion.baseline;
    parts.push(change === 'ratio' && direction === 'increase' ? text : `${SIDES[direction]} ${text}`);
  }
  if (criterion.per)
    parts.push(`per ${criterion.per.count === 1 ? criterion.per.unit : `${formatNumber(criterion.per.count)} ${TIME_WORDS.has(criterion.per.unit) ? `${criterion.per.unit}s` : criterion.per.unit}`}`);
  if (criterion.percentile !== null) parts.push(`at p${formatNumber(criterion.percentile)}`);
  if (criterion.window) parts.push(describeWindow(criterion.window));
  if (criterion.sequence) parts.push(`on ${criterion.sequence.count} consecutive ${criterion.sequence.unit}`);
  return parts.join(' ');
}

/** How a criterion was read, in one line: "failed syncs < 4 per 1,000 devices". */
export function describeReading(criterion: ParsedCriterion | Criterion): string {
  return `${criterion.metric} ${describeThreshold(criterion)}`;
}
