/** Finds a condition seen on several checks in a row: "on 3 consecutive checks", "3 times in a row". */
import type { Criterion } from '../../schemas/criterion-schema.ts';
import { SEQUENCE_STATES, SEQUENCE_STOPS } from '../lexicon.ts';
import { FIGURE_PERIODS, IN_A_ROW } from '../lexicon-counts.ts';
import { numberAt, quantityAt, wordsAt } from '../quantity.ts';
import type { Found } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { compares } from './comparison.ts';
import { durationAt } from './window.ts';

type Sequence = NonNullable<Criterion['sequence']>;

/**
 * A condition that must be seen on several checks in a row: "for 3 consecutive checks", "two
 * consecutive failed health checks", "3 times in a row". Time units are windows, not sequences.
 */
export function findSequence(tokens: readonly Token[]): Found<Sequence> | null {
  for (let index = 0; index < tokens.length; index++) {
    const number = numberAt(tokens, index);
    if (!number || !Number.isInteger(number.value) || number.value < 2) continue;
    const lead = ['for', 'on', 'in', 'over'].includes(tokens[index - 1]?.lower ?? '') ? 1 : 0;
    // "failures > 3 consecutive": a comparison before the count makes it a threshold on the run, which no sequence holds.
    const compared = compares(tokens[index - 1]);
    if (IN_A_ROW.has(tokens[number.end]?.lower ?? '') && !compared) {
      // "for 3 consecutive days" is a window; "on two consecutive days" counts days the condition is seen on, and
      // "for 2 consecutive months" counts monthly figures: no one holds a figure for a month without a break.
      const monthly = FIGURE_PERIODS.test(tokens[number.end + 1]?.lower ?? '');
      if (durationAt(tokens, number.end) && tokens[index - 1]?.lower !== 'on' && !monthly) continue;
      // "No more than 2 falls in 3 consecutive months" counts in the span; "NPS ≥ 40 in 3 consecutive months" is each month's.
      const counted = tokens.some((token, at) => token.kind === 'number' && at !== index && /[a-z]s$/.test(tokens[at + 1]?.lower ?? '') && quantityAt(tokens, at)?.unit == null);
      if (monthly && tokens[index - 1]?.lower === 'in' && counted) continue;
      let end = number.end + 1;
      while (tokens[end]?.kind === 'word' && !SEQUENCE_STOPS.has(tokens[end]?.lower ?? '')) end++;
      // "100 consecutive units produced with 0 critical errors": the run's count is no threshold when another figure is.
      if (!lead && tokens.slice(end).some((token) => token.kind === 'number')) continue;
      // What is counted, without the condition: "failed health checks" counts health checks.
      const names = tokens.slice(number.end + 1, end).map((token) => token.lower);
      const unit = names.filter((word) => !SEQUENCE_STATES.has(word)).join(' ') || 'checks';
      // "10 consecutive errors", "2 consecutive nightly backup failures": with no state to take off, the run names what
      // fails and not what is checked, so no condition is seen on each; the bullet is reported.
      // "No two consecutive failed deploys" forbids a run, which is no condition seen on each of one.
      if (!lead && (unit === names.join(' ') || ['no', 'never', 'zero', 'without'].includes(tokens[index - 1]?.lower ?? ''))) continue;
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
