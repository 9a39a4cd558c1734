/** Whether "in" after a count opens the span it is counted in: "> 10 in 1 hour". */
import { isIdentifierNumber } from '../identifier-number.ts';
import { words } from '../lexicon.ts';
import { unitAt } from '../quantity.ts';
import type { Token } from '../tokenize.ts';

// Verbs of getting to a level: "returns to under 300 ms in 5 minutes", "drains below 1,000 in 10 minutes" give a time to get there.
const SETTLING = words(
  'reach reaches return returns recover recovers drain drains drop drops fall falls settle settles clear clears catch catches converge converges complete completes finish finishes pass get gets back',
);

/**
 * "> 10 in 1 hour", "more than 3 failed logins in 10 minutes": a count, with at most its noun before "in" and
 * no verb of getting there, is counted within that span; "99% in 30 days" or "300 ms in 5 minutes" are not counts.
 */
export function countIn(tokens: readonly Token[], index: number): boolean {
  if (tokens.slice(0, index).some((token) => SETTLING.has(token.lower))) return false;
  let at = index - 1;
  while (at > 0 && index - at <= 4 && tokens[at]?.kind === 'word' && unitAt(tokens, at) === null) at--;
  const count = tokens[at];
  return count?.kind === 'number' && Number.isInteger(count.value) && unitAt(tokens, at + 1) === null && !isIdentifierNumber(tokens, at);
}
