/** Spans after a link that no figure is taken over: a level held through them, or one period counted from a start. */
import { MEASURED, words } from '../lexicon.ts';
import { wordsAt } from '../quantity.ts';
import type { Token } from '../tokenize.ts';

/** A word that counts a period from the start: "the first week", "launch day". */
export const isAnchoring = (token: Token) =>
  ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'final', 'initial', 'opening', 'launch', 'go-live', 'golive', 'cutover', 'cut-over', 'next', 'coming', 'following'].includes(token.lower);

// Adverbs of holding before "over": the level holds the whole span.
export const OVER_HOLDING = words('consistently persistently steadily constantly continuously continually');

/**
 * Whether "over" at `index` opens no span a figure is taken over: "10% over last week" compares with last week; "≤ 1%
 * unshipped over 48 hours" is more than 48 hours unshipped; "consistently over 2 hours" holds. A verb after a comma
 * (", collected over 7 days") says how the figure is taken, and stays a span.
 */
export function noSpanOver(tokens: readonly Token[], index: number): boolean {
  const done = tokens[index - 1]?.lower ?? '';
  if (['last', 'previous', 'prior'].includes(tokens[index + 1]?.lower ?? '')) return true;
  const participle = /^[a-z]{3,}(?:ed|en)$/.test(done) && !MEASURED.has(done) && tokens[index - 2]?.text !== ',';
  return participle || OVER_HOLDING.has(done);
}

/**
 * Whether a span from `at` to `end` holds a level rather than being taken over: "over 2 consecutive hours" (one span, or
 * each of two hours), "over 3 days on end", "over 2 hours back to back"; or counts from a start that is not the first:
 * "the 2 weeks following launch".
 */
export function holdsOrStarts(tokens: readonly Token[], index: number, at: number, end: number): boolean {
  if (tokens.slice(at, end + 1).some((token) => ['consecutive', 'consecutively', 'straight', 'running'].includes(token.lower))) return true;
  const anchored = tokens.slice(index, end).some(isAnchoring);
  return wordsAt(tokens, end, ['on', 'end']) || wordsAt(tokens, end, ['back', 'to', 'back']) || (!anchored && ['following', 'after', 'since'].includes(tokens[end]?.lower ?? ''));
}
