import type { Comparator } from '../schemas/criterion-schema.ts';
import type { MeasuredCriterion } from './measured-criterion.ts';
import { promNumber } from './measured-criterion.ts';
import { prometheusDuration } from './prometheus-duration.ts';

const OPERATOR: Record<Exclude<Comparator, 'between'>, string> = { '=': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const OPPOSITE: Record<Exclude<Comparator, 'between'>, Exclude<Comparator, 'between'>> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

type Comparison = Pick<MeasuredCriterion, 'comparator' | 'threshold' | 'upper'>;

/**
 * PromQL that keeps the value only where the comparison holds, as an alert's `expr` wants:
 * `(Q) > 2`, `(Q) >= 150 <= 250` for a range. With `negate`, where it does not hold.
 */
export function filterWhere(query: string, { comparator, threshold, upper }: Comparison, negate = false): string {
  const q = `(${query})`;
  if (comparator === 'between') {
    const [low, high] = [promNumber(threshold), promNumber(upper ?? threshold)];
    return negate ? `${q} < ${low} or ${q} > ${high}` : `${q} >= ${low} <= ${high}`;
  }
  return `${q} ${OPERATOR[negate ? OPPOSITE[comparator] : comparator]} ${promNumber(threshold)}`;
}

/** PromQL that is 1 where the comparison holds and 0 where it does not, for tools that read a number. */
export function indicator(query: string, { comparator, threshold, upper }: Comparison): string {
  const q = `(${query})`;
  if (comparator === 'between') return `(${q} >= bool ${promNumber(threshold)}) * (${q} <= bool ${promNumber(upper ?? threshold)})`;
  return `${q} ${OPERATOR[comparator]} bool ${promNumber(threshold)}`;
}

/**
 * 1 when the comparison held at every check over the hold time, as `for:` requires of an alert;
 * tools that count failed checks without "in a row" (Argo Rollouts, Flagger) test this instead.
 */
export function heldIndicator(measured: MeasuredCriterion, intervalSeconds: number): string {
  const now = indicator(measured.query, measured);
  if (measured.holdSeconds === 0) return now;
  // A hold between two checks is decided at the later one, as `for:` decides it: n intervals, n + 1 checks.
  const intervals = Math.ceil(measured.holdSeconds / intervalSeconds - 1e-9);
  // Subquery points fall on whole multiples of the step. A range a millisecond short of n + 1 steps holds
  // exactly n + 1 of them at any time of asking (rollout tools do not ask on the minute), in Prometheus 2,
  // which counts both ends of a range, and 3, which counts one. The count keeps a series younger than the
  // hold from passing on its few checks.
  const range = `[${prometheusDuration((intervals + 1) * intervalSeconds - 0.001)}:${prometheusDuration(intervalSeconds)}]`;
  return `min_over_time((${now})${range}) * (count_over_time((${now})${range}) >= bool ${intervals + 1})`;
}
