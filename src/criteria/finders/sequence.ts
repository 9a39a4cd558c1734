/** Finds a condition seen on several checks in a row: "on 3 consecutive checks", "3 times in a row". */
import type { Criterion } from '../../schemas/criterion-schema.ts';
import { SEQUENCE_STATES, SEQUENCE_STOPS } from '../lexicon.ts';
import { FAULTS, FIGURE_PERIODS, IN_A_ROW, TRIGGER_FIGURE_PERIODS } from '../lexicon-counts.ts';
import { numberAt, quantityAt, wordsAt } from '../quantity.ts';
import type { Found } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { compares } from './comparison.ts';
import { durationAt } from './window.ts';

type Sequence = NonNullable<Criterion['sequence']>;

/** What a run counts: "failed health checks" counts health checks, "nightly backup failures" nightly backups. */
function runOf(names: readonly string[]): string {
  const kept = names.filter((word) => !SEQUENCE_STATES.has(word));
  const last = kept.at(-1) ?? '';
  if (kept.length < 2 || !FAULTS.has(last)) return kept.join(' ') || 'checks';
  const thing = kept.at(-2) ?? '';
  return [...kept.slice(0, -2), thing.endsWith('s') ? thing : `${thing}s`].join(' ');
}

/**
 * A condition that must be seen on several checks in a row: "for 3 consecutive checks", "two
 * consecutive failed health checks", "3 times in a row". Time units are windows, not sequences.
 */
export function findSequence(tokens: readonly Token[], trigger = false): Found<Sequence> | null {
  for (let index = 0; index < tokens.length; index++) {
    const number = numberAt(tokens, index);
    if (!number || !Number.isInteger(number.value) || number.value < 2) continue;
    const lead = ['for', 'on', 'in', 'over'].includes(tokens[index - 1]?.lower ?? '') ? 1 : 0;
    // "failures > 3 consecutive": a comparison before the count makes it a threshold on the run, which no sequence holds.
    const compared = compares(tokens[index - 1]);
    if (IN_A_ROW.has(tokens[number.end]?.lower ?? '') && !compared) {
      // "for 3 consecutive days" is a window; "on two consecutive days" counts days the condition is seen on, and
      // "for 2 consecutive months" counts monthly figures: no one holds a figure for a month without a break.
      const period = tokens[number.end + 1]?.lower ?? '';
      const monthly = FIGURE_PERIODS.test(period) || (trigger && TRIGGER_FIGURE_PERIODS.test(period));
      if (durationAt(tokens, number.end) && tokens[index - 1]?.lower !== 'on' && !monthly) continue;
      // "No more than 2 falls in 3 consecutive months" counts in the span; "NPS ≥ 40 in 3 consecutive months" is each month's.
      const counted = tokens.some((token, at) => token.kind === 'number' && at !== index && /[a-z]s$/.test(tokens[at + 1]?.lower ?? '') && quantityAt(tokens, at)?.unit == null);
      if (monthly && tokens[index - 1]?.lower === 'in' && counted) continue;
      let end = number.end + 1;
      while (tokens[end]?.kind === 'word' && !SEQUENCE_STOPS.has(tokens[end]?.lower ?? '')) end++;
      // "100 consecutive units produced with 0 critical errors": the run's count is no threshold when another figure is.
      if (!lead && tokens.slice(end).some((token) => token.kind === 'number')) continue;
      // What is counted, without the condition: "failed health checks" counts health checks.
      const unit = runOf(tokens.slice(number.end + 1, end).map((token) => token.lower));
      // Led by "for"/"on", the phrase only qualifies the clause; otherwise its noun is the metric too.
      return { start: index - lead, end: lead ? end : number.end + 1, value: { count: number.value, unit } };
    }
    if (wordsAt(tokens, number.end + 1, ['in', 'a', 'row'])) {
      const unit = tokens[number.end]?.lower ?? 'checks';
      return { start: index - lead, end: number.end + 4, value: { count: number.value, unit: unit === 'times' ? 'checks' : unit } };
    }
  }
  return null;
}
