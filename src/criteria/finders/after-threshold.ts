/**
 * Finds what follows a threshold and qualifies it: a rate ("per 1,000 sessions", "a day"), a period
 * after "within" ("< 4 h within 24 hours"), a unit of measure ("100-150 pods/s"), and a share that
 * makes it a percentile ("… 99% of the time").
 */
import type { Clause } from '../clause.ts';
import { CHANGE_DOWN, CHANGE_UP, RATIO_NAMES, words } from '../lexicon.ts';
import { joinTokens as join } from '../metric-text.ts';
import { numberAt } from '../quantity.ts';
import type { ParsedCriterion, Window } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { isTimeUnit, SECONDS, unitOf } from '../units.ts';
import { comparisonAt } from './comparison.ts';
import { findPer } from './rate.ts';
import type { Threshold } from './threshold.ts';
import { findWindow } from './window.ts';

/** Seconds in a rate's time word ("day", "hour", "month"); undefined for a count of things ("store"). */
function secondsPer(unit: string): number | undefined {
  const time = unitOf(unit);
  return time ? SECONDS[time] : unit === 'month' ? 2_592_000 : undefined;
}

/** A "per <time>" as the period a figure is counted over. */
const perPeriod = (view: readonly Token[], found: NonNullable<ReturnType<typeof findPer>>, seconds: number): Window => ({
  seconds: found.value.count * seconds,
  text: join(view.slice(found.start, found.end)),
  kind: 'period',
});

/** A rate after the quantity; a percentage "per day" is measured daily, so that is its window. */
function rateAfter(clause: Clause, view: readonly Token[], threshold: Threshold): { per: ParsedCriterion['per']; window: Window | null } {
  for (let index = threshold.quantity.end; index < view.length; index++) {
    if (clause.used[index]) continue;
    const found = findPer(view, index);
    if (found) {
      clause.use(found.start, found.end);
      clause.place(found.start, found.end, 'rate');
      const seconds = secondsPer(found.value.unit);
      if (threshold.quantity.unit === '%' && seconds !== undefined) return { per: null, window: perPeriod(view, found, seconds) };
      return { per: found.value, window: seconds === undefined ? timeAfterRate(clause, view, found.end) : null };
    }
    if (view[index]?.kind !== 'word') break;
  }
  const before = threshold.quantity.unit === '%' ? null : rateBefore(clause, view, threshold);
  return { per: before, window: null };
}

/** "Patient falls per 1,000 patient days below 3": a counted denominator written before the comparison is the rate's. */
function rateBefore(clause: Clause, view: readonly Token[], threshold: Threshold): ParsedCriterion['per'] {
  for (let index = 0; index < threshold.opStart; index++) {
    if (clause.used[index] || view[index]?.lower !== 'per' || !numberAt(view, index + 1, false)) continue;
    // "Patient falls per 1,000 …": a name that ends in a word of change may lose it to the comparison.
    if (CHANGE_UP.has(view[index - 1]?.lower ?? '') || CHANGE_DOWN.has(view[index - 1]?.lower ?? '')) return null;
    const found = findPer(view, index);
    // "per 1,000 sessions", not "per 2 hours": a span before the comparison is another matter.
    if (!found || found.end !== threshold.opStart || found.value.count < 2 || secondsPer(found.value.unit) !== undefined) return null;
    clause.use(found.start, found.end);
    clause.place(found.start, found.end, 'rate');
    return found.value;
  }
  return null;
}

/** "< 5 per store per month": a second "per" of a time, after a rate of things, is the period it is counted over. */
function timeAfterRate(clause: Clause, view: readonly Token[], at: number): Window | null {
  const found = clause.window || clause.used[at] ? null : findPer(view, at);
  const seconds = found ? secondsPer(found.value.unit) : undefined;
  if (!found || seconds === undefined) return null;
  clause.use(found.start, found.end);
  clause.place(found.start, found.end, 'window');
  return perPeriod(view, found, seconds);
}

/** "support response time < 4 h within 24 hours": with the threshold found, a later "within" gives the period. */
function periodWithin(clause: Clause, view: readonly Token[], threshold: Threshold): void {
  if (clause.window) return;
  const within = view.findIndex((token, index) => index >= threshold.quantity.end && !clause.used[index] && token.lower === 'within');
  // "within the hour", "within a day": by then, a deadline, not a window of that length; "≥ 7 escalated within 30
  // minutes": how soon each was done.
  if (['the', 'a', 'an'].includes(view[within + 1]?.lower ?? '') || /[a-z]{3}ed$/.test(view[within - 1]?.lower ?? '')) return;
  const period = within >= 0 ? findWindow([{ ...(view[within] as Token), text: 'over', lower: 'over' }, { ...(view[within] as Token), text: 'the', lower: 'the' }, ...view.slice(within + 1)]) : null;
  if (period?.start !== 0) return;
  // "Adoption ≥ 80% within 2 weeks": after a share in an exit criterion, by when, or how soon each one counts.
  if (threshold.quantity.unit === '%' && clause.context.kind === 'exit') {
    clause.use(within, within + period.end - 1);
    clause.asideProblem ??= `\`${join(view.slice(within, within + period.end - 1))}\` after a share may say by when or how soon each one counts; write "by week 2" for a deadline, or "in any 2-week window" for the span`;
    return;
  }
  clause.window = { start: within, end: within + period.end - 1, value: { ...period.value, text: join(view.slice(within, within + period.end - 1)) } };
  clause.use(within, within + period.end - 1);
  clause.place(within, within + period.end - 1, 'window');
}

// Things a population does once, in its own time: a share of them by a day is no percentile.
const ACCRUING = words('activation activations purchase purchases signup signups sign-ups repeat usage engagement uptake');

/** "… 99% of the time", "… in 99%": a share after the threshold that makes it a percentile. */
function shareAsPercentile(clause: Clause, view: readonly Token[], threshold: Threshold): void {
  const { quantity } = threshold;
  const at = view.findIndex(
    (token, index) =>
      index >= quantity.end &&
      !clause.used[index] &&
      token.kind === 'number' &&
      view[index + 1]?.text === '%' &&
      token.value > 0 &&
      token.value < 100 &&
      !(quantity.unit === '%' && comparisonAt(view, index - 1)),
  );
  // "… from 12%", "… was 2%": a figure after other words is history, not a percentile; only "in 99%", "for 95%", "≥ 99.9%" are.
  const before = view[at - 1];
  if (at < 0 || clause.percentile || (before && !['in', 'for', 'of', 'least'].includes(before.lower) && !['≥', '>=', '>'].includes(before.text) && at !== threshold.quantity.end)) return;
  // Only a time within a limit makes a share a percentile: "within 24 hours ≥ 99.9%" is p99.9; "longer than 5 minutes ≥ 30%" and "under 5 … ≥ 95%" are not.
  if (!isTimeUnit(threshold.quantity.unit) || !['<', '<='].includes(threshold.op ?? '')) return;
  // "Adoption within 30 days ≥ 60%", "Error rate within 1 hour ≥ 5%": a share or a rate reached in a time counts those
  // who never reach it, which no percentile of a time holds.
  if (view.slice(0, threshold.opStart).some((token) => RATIO_NAMES.has(token.lower) || ACCRUING.has(token.lower))) return;
  const tail = view.slice(at + 2, at + 6).map((token) => token.lower);
  if (tail.length > 0 && tail[0] === 'of' && !['time', 'requests', 'cases', 'calls', 'samples', 'runs', 'the'].includes(tail[1] ?? '')) return;
  clause.percentile = { start: at, end: at + 2, value: view[at]?.value ?? 0 };
  const end = tail[0] === 'of' ? at + 2 + (tail[1] === 'the' ? 3 : 2) : at + 2;
  const from = at - (['in', 'for', 'of'].includes(view[at - 1]?.lower ?? '') ? 1 : 0) - (view[at - 1]?.lower === 'least' && view[at - 2]?.lower === 'at' ? 2 : 0);
  clause.use(from, end);
  clause.place(from, end, 'percentile');
}

/** What qualifies the threshold after it, in the order the reader needs them. */
export function findAfterThreshold(clause: Clause, view: readonly Token[], threshold: Threshold): { per: ParsedCriterion['per']; window: Window | null; unitLabel: string } {
  const rate = rateAfter(clause, view, threshold);
  periodWithin(clause, view, threshold);
  // A slash-identifier right after the quantity is its unit of measure: "100-150 pods/s".
  let unitLabel = '';
  const next = view[threshold.quantity.end];
  if (next?.kind === 'word' && next.text.includes('/') && !clause.used[threshold.quantity.end]) {
    unitLabel = ` (${next.text})`;
    clause.use(threshold.quantity.end, threshold.quantity.end + 1);
    clause.place(threshold.quantity.end, threshold.quantity.end + 1, 'unit');
  }
  shareAsPercentile(clause, view, threshold);
  return { ...rate, unitLabel };
}
