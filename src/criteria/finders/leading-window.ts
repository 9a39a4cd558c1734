/** A window that opens a clause: "14 consecutive days with ≥ 99.9% match rate". */
import { TRIGGER_FIGURE_PERIODS } from '../lexicon-counts.ts';
import { numberAt } from '../quantity.ts';
import type { Found } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { durationAt, type Window, windowText } from './window.ts';

/**
 * A run of days before "with" or "of" at the clause's start, held for the threshold after it. Only "consecutive" or
 * "straight" says so: "12 months of history with accuracy ≥ 85%" is a sample, "1 hour with > 50 failed payments" a span.
 */
export function findLeadingWindow(tokens: readonly Token[], trigger = false): Found<Window> | null {
  const number = numberAt(tokens, 0);
  // "7+ consecutive days": the plus goes with the number.
  const after = number && tokens[number.end]?.text === '+' ? number.end + 1 : number?.end;
  if (after === undefined || !['consecutive', 'straight'].includes(tokens[after]?.lower ?? '')) return null;
  const duration = durationAt(tokens, 0);
  if (!duration || !['with', 'of'].includes(tokens[duration.end]?.lower ?? '')) return null;
  // Under the triggers "3 consecutive days of …" counts each day's figure (see TRIGGER_FIGURE_PERIODS), no hold.
  if (trigger && TRIGGER_FIGURE_PERIODS.test(tokens[after + 1]?.lower ?? '')) return null;
  const end = duration.end + 1;
  return { start: 0, end, value: { seconds: duration.seconds, text: windowText(tokens, 0, end), kind: 'sustained' } };
}

/** "Two weeks with error rate below 1%", "12 months of history with …": a length before the threshold, with no run. */
export function leadingLength(tokens: readonly Token[], trigger = false): number | null {
  // Most bullets have no "with" or "of" in their first words: no length to look for.
  if (!tokens.slice(1, 5).some((token) => token.lower === 'with' || token.lower === 'of')) return null;
  // "Zero hours of downtime" counts none; "Minutes of downtime < 30", "Days of supply ≥ 14": a unit with no number or
  // article names a measure.
  const number = numberAt(tokens, 0);
  if (number?.value === 0 || (!number && !['a', 'an'].includes(tokens[0]?.lower ?? ''))) return null;
  const duration = durationAt(tokens, 0);
  return duration && ['with', 'of'].includes(tokens[duration.end]?.lower ?? '') && !findLeadingWindow(tokens, trigger) ? duration.end + 1 : null;
}
