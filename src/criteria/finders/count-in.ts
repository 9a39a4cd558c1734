/** Whether "in" after a count opens the span it is counted in: "> 10 complaints in 1 hour". */
import { isIdentifierNumber } from '../identifier-number.ts';
import { COMPARING, NEGATIONS, NUMBER_WORDS, words } from '../lexicon.ts';
import { LINGERING, SETTLING } from '../lexicon-counts.ts';
import { unitAt } from '../quantity.ts';
import type { Token } from '../tokenize.ts';

// Words between a name and its count: "complaints > 10", "errors more than 10".
const LINKING = words('at or no and is are');

const counting = (token: Token | undefined) => (token?.kind === 'number' && Number.isInteger(token.value)) || NUMBER_WORDS[token?.lower ?? ''] !== undefined;
// Events are counted in the plural: "complaints", "P1s", "SLAs"; "pain score above 7" is a level, "calls answered in 20 s" a
// duration, and "NPS" an initialism.
const plural = (token: Token | undefined) => token !== undefined && /[A-Za-z0-9]s$/.test(token.text) && !/ss$/i.test(token.text);

/**
 * "> 10 complaints in 1 hour", "Complaints > 10 in 1 hour": a count of events, with at most its noun before "in",
 * is counted within that span; not after a negation or a verb of getting there, nor for what lingers.
 */
export function countIn(tokens: readonly Token[], index: number): boolean {
  if (tokens.slice(0, index).some((token) => SETTLING.has(token.lower) || LINGERING.has(token.lower) || NEGATIONS.has(token.lower))) return false;
  let at = index - 1;
  while (at > 0 && index - at <= 6 && tokens[at]?.kind === 'word' && !counting(tokens[at]) && unitAt(tokens, at) === null) at--;
  // "3+ critical errors in 24 hours": the plus belongs to the count.
  if (tokens[at]?.text === '+' && !tokens[at]?.spaced) at--;
  if (!counting(tokens[at]) || unitAt(tokens, at + 1) !== null || isIdentifierNumber(tokens, at)) return false;
  const noun = tokens.slice(at + 1, index);
  // "complaints about billing" is counted by its first noun; "calls answered in 20 s" times each call.
  if (noun.length > 0) return !/ed$/i.test(noun.at(-1)?.text ?? '') && (plural(noun[0]) || plural(noun.at(-1)));
  const name = tokens.slice(0, at).filter((token) => token.kind === 'word' && !COMPARING.has(token.lower) && !LINKING.has(token.lower));
  return plural(name.at(-1));
}
