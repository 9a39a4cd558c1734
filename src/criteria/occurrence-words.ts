/** The words that say only that an event happened ("reported", "found"), taken off a counted name where they name nothing. */
import { EDGES, OCCURS } from './lexicon.ts';
import { AUXILIARIES } from './lexicon-counts.ts';
import type { Token } from './tokenize.ts';

/**
 * A name without the words that say only that it happened ("P1 incident reported", "bugs have been found"); first or
 * after "or", before a noun, they say which ("confirmed breach"). Alone or before a preposition they name nothing.
 */
export function unoccurred(list: readonly Token[]): Token[] {
  const dropped = new Set<number>();
  list.forEach((token, position) => {
    // "reported or confirmed breach", "reported, observed or confirmed errors": a list of them says which too.
    const joint = (at: number) => ['or', 'and', ','].includes(list[at]?.lower ?? '');
    const word = (at: number) => list[at]?.kind === 'word' && !EDGES.has(list[at]?.lower ?? '');
    const listed = position > 0 && OCCURS.has(list[position - 1]?.lower ?? '') && !dropped.has(position - 1);
    const which = (position === 0 || joint(position - 1) || listed) && (word(position + 1) || (joint(position + 1) && word(position + 2)));
    if (!OCCURS.has(token.lower) || which) return;
    dropped.add(position);
    for (let at = position - 1; at > 0 && AUXILIARIES.has(list[at]?.lower ?? ''); at--) dropped.add(at);
  });
  return list.filter((_, position) => !dropped.has(position));
}
