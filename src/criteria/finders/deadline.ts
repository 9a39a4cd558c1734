/**
 * Finds a deadline: the point by which a figure must hold, counted from the pilot's start ("by month 3",
 * "by the end of week 2", "by the end of the pilot", "within 90 days of go-live", "after 30 days"). It names when the
 * figure is taken, so the reading keeps it in the metric's name, as it keeps "in week 1".
 */
import { MONTHS, PERIOD_WORDS } from '../lexicon.ts';
import { numberAt, wordsAt } from '../quantity.ts';
import type { Found } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { unitOf } from '../units.ts';

// What a deadline can be counted from, or the end of: the pilot and its milestones.
const MILESTONES = new Set(['go-live', 'golive', 'launch', 'cutover', 'cut-over', 'kickoff', 'kick-off', 'start', 'pilot', 'trial', 'rollout', 'release']);

/** A period named with its number or a milestone, at `index`: "month 3", "week", "the pilot", "go-live". */
function namedPoint(tokens: readonly Token[], index: number): number | null {
  const at = tokens[index]?.lower === 'the' ? index + 1 : index;
  const word = tokens[at]?.lower ?? '';
  if (MILESTONES.has(word)) return at + 1;
  if (PERIOD_WORDS[word] === undefined) return null;
  const number = numberAt(tokens, at + 1, false);
  return number ? number.end : at + 1;
}

/** The end of a year, a month and year, or a quarter and year at `index`; null for anything else. */
function calendarEnd(tokens: readonly Token[], index: number): number | null {
  const isYear = (token: Token | undefined) => token?.kind === 'number' && /^(?:19|20)\d\d$/.test(token.text);
  if (isYear(tokens[index])) return index + 1;
  const named = MONTHS.has(tokens[index]?.lower ?? '') || /^q[1-4]$/i.test(tokens[index]?.text ?? '');
  return named && isYear(tokens[index + 1]) ? index + 2 : null;
}

/** The words from `start` to `end`, as found. */
const spanOf = (tokens: readonly Token[], start: number, end: number): Found<string> => ({
  start,
  end,
  value: tokens
    .slice(start, end)
    .map((token) => token.text)
    .join(' '),
});

/** The deadline of a clause, if it has one. */
export function findDeadline(tokens: readonly Token[]): Found<string> | null {
  for (let index = 0; index < tokens.length; index++) {
    const word = tokens[index]?.lower;
    if (word === 'by') {
      // "by month 3" needs its number; "by the end of week", "by the end of the pilot" need "end of".
      let at = index + 1;
      const ending = wordsAt(tokens, at, ['the', 'end', 'of']) ? 3 : wordsAt(tokens, at, ['end', 'of']) ? 2 : 0;
      at += ending;
      // "by 2027", "by December 2027", "by Q3 2027": a calendar date, named as written.
      const year = calendarEnd(tokens, at);
      if (year !== null) return spanOf(tokens, index, year);
      const end = namedPoint(tokens, at);
      const numbered = end !== null && tokens[end - 1]?.kind === 'number';
      const milestone = end !== null && MILESTONES.has(tokens[end - 1]?.lower ?? '');
      if (end !== null && (ending > 0 || numbered || milestone)) return spanOf(tokens, index, end);
    }
    // "retention rate of 40% after 30 days": the figure taken a length after the start. Only right after a share or a
    // measure: "no defects remain unresolved after 5 days" is how long each stays, and "P1 incidents = 0 after 7 days"
    // may count those seen by then or in the days after.
    const previous = tokens[index - 1];
    const afterValue = previous !== undefined && (['%', '‰'].includes(previous.text) || unitOf(previous.lower) !== null);
    if (word === 'after' && afterValue) {
      const number = numberAt(tokens, index + 1, false);
      const unit = number ? tokens[number.end]?.lower.replace(/s$/, '') : undefined;
      if (number && unit && PERIOD_WORDS[unit] !== undefined) return spanOf(tokens, index, number.end + 1);
    }
    if (word === 'within') {
      // "within 90 days of go-live": a length counted from a milestone.
      const number = numberAt(tokens, index + 1, false);
      const unit = number ? tokens[number.end]?.lower.replace(/s$/, '') : undefined;
      if (!number || !unit || PERIOD_WORDS[unit] === undefined || !['of', 'after', 'from'].includes(tokens[number.end + 1]?.lower ?? '')) continue;
      const end = namedPoint(tokens, number.end + 2);
      if (end !== null && MILESTONES.has(tokens[end - 1]?.lower ?? '')) return spanOf(tokens, index, end);
    }
  }
  return null;
}
