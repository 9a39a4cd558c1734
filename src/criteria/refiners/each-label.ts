/** A label that says each one of a group: the threshold holds for each, which one figure cannot say. */
import { PLACES } from '../lexicon-counts.ts';
import { joinTokens } from '../metric-text.ts';
import type { Token } from '../tokenize.ts';

/** "Each ward: falls < 2 per month": why the label cannot head one figure, or null. */
export function eachProblem(words: readonly Token[]): string | null {
  // "For each ward:", "In all regions:", "Both stores:", "No store:"; "All orders: on-time delivery ≥ 95%" pools the orders.
  const said = words.filter((token) => token.kind === 'word' && !['for', 'in', 'at', 'across', 'of', 'the'].includes(token.lower));
  const first = said[0]?.lower ?? '';
  const each = ['each', 'every', 'per', 'both', 'either', 'neither', 'no', 'any', 'majority', 'most', 'some'].includes(first) || (first === 'all' && PLACES.has(said[1]?.lower ?? ''));
  if (!each || said.length < 2) return null;
  return `\`${joinTokens(words)}:\` says the threshold holds for each one; write a bullet for each, or the figure per one, such as "falls per ward < 2 per month"`;
}
