/** Words after a comma or a dash in a count of none or any that say a second thing, which the count cannot hold. */
import type { Clause } from '../clause.ts';
import { PASS_VERBS } from '../lexicon.ts';
import { LINGERING } from '../lexicon-counts.ts';
import { joinTokens as join } from '../metric-text.ts';
import type { Token } from '../tokenize.ts';

/** "No duplicate results, correct patient matching": words after a comma or a dash that no "or" joins to the name say a second thing. */
export function secondClaim(clause: Clause, view: readonly Token[], body: readonly Token[]): string | null {
  const start = view.indexOf(body[0] as Token);
  // A spaced dash parts a second claim as a comma does: "No data loss — checksums match".
  const parts = (token: Token) => token.text === ',' || (token.spaced && ['—', '–', '-'].includes(token.text));
  const last = view.findLastIndex((token, index) => index > start && !clause.used[index] && parts(token));
  if (last < 0) return null;
  const rest = view.slice(last + 1).filter((_, offset) => !clause.used[last + 1 + offset]);
  const after = rest.filter((token) => token.kind === 'word');
  // "No incidents, Sev 1 or Sev 2": a number after the comma is no part of a list of names.
  const numbered = rest.some((token) => token.kind === 'number');
  // "No P1, P2 or P3 defects" lists names; "No defects, open or closed" or "…, or P1 defects with workaround" qualifies or allows some.
  const qualifies = after.some((token) => LINGERING.has(token.lower) || PASS_VERBS[token.lower] !== undefined || ['with', 'only', 'except', 'unless'].includes(token.lower));
  const listed = after.some((token) => ['or', 'and', 'nor'].includes(token.lower));
  if (!numbered && (after.length === 0 || (listed && !qualifies))) return null;
  return `after the ${view[last]?.text === ',' ? 'comma' : 'dash'}, \`${join(numbered ? rest : after)}\` says something the count cannot hold; give it a bullet of its own`;
}
