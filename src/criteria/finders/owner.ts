/** Finds the one named owner that holds a count: "The pilot cohort must include at least 50 patients". */
import type { Clause } from '../clause.ts';
import { QUANTIFIERS, TIME_NAMES_SET, words } from '../lexicon.ts';
import { OWNERS } from '../lexicon-counts.ts';
import { joinTokens as join } from '../metric-text.ts';
import type { Token } from '../tokenize.ts';

// Verbs of holding: "Specifications must have at least one …" counts what each holds.
export const POSSESSION = words('have has include includes contain contains require requires');

/**
 * "The target maintainer team must include at least 3 developers": one named thing that holds the count, so
 * the count is of what is in it. A plural or "each" ("Specifications must have at least one example") counts per owner.
 */
export function ownerOf(clause: Clause, before: readonly Token[]): string | null {
  // "The cohort must include": "the", then the owner, then "must" or "should" and the verb; "may" permits, "A patient" is any one.
  const [article, ...rest] = before;
  const verbs = rest.slice(-2);
  const owner = rest.slice(0, -2);
  const required = ['must', 'should', 'shall'].includes(verbs[0]?.lower ?? '') && POSSESSION.has(verbs[1]?.lower ?? '');
  const named =
    owner.length > 0 &&
    owner.length <= 3 &&
    owner.every((token) => token.kind === 'word' && /^[a-z][a-z-]*$/.test(token.text) && !QUANTIFIERS.has(token.lower) && !TIME_NAMES_SET.has(token.lower) && !/ly$/.test(token.lower));
  if (article?.lower !== 'the' || !required || !named || !OWNERS.has(owner.at(-1)?.lower ?? '') || clause.window) return null;
  for (const token of verbs) clause.placeToken(token, 'filler');
  return join(owner);
}
