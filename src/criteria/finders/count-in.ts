/** Whether "in" after a count opens the span it is counted in: "> 10 in 1 hour". */
import { isIdentifierNumber } from '../identifier-number.ts';
import { NUMBER_WORDS, words } from '../lexicon.ts';
import { unitAt } from '../quantity.ts';
import type { Token } from '../tokenize.ts';

// Verbs of getting to a level: "returns to under 300 ms in 5 minutes", "drains below 1,000 in 10 minutes" give a time to get there.
const SETTLING = words(
  'reach reaches return returns recover recovers drain drains drop drops fall falls settle settles clear clears catch catches converge converges complete completes finish finishes pass get gets back shrink shrinks reduce reduced decrease decreases increase increases grow grows rise rises climb climbs',
);
// What lingers ("open bugs", "unresolved issues"): a count of it is a level at a time, not events within a span,
// and "after 5 days" says how long each has stayed.
export const LINGERING = words('open unresolved unassigned untriaged unfixed unclosed unanswered unreviewed unpaid outstanding pending remaining remain remains backlog queued waiting stuck still');

/**
 * "> 10 in 1 hour", "more than 3 failed logins in 10 minutes": a count, with at most its noun before "in" and
 * no verb of getting there, is counted within that span; "99% in 30 days" or "300 ms in 5 minutes" are not counts.
 */
export function countIn(tokens: readonly Token[], index: number): boolean {
  if (tokens.slice(0, index).some((token) => SETTLING.has(token.lower) || LINGERING.has(token.lower))) return false;
  let at = index - 1;
  const counting = (token: Token | undefined) => (token?.kind === 'number' && Number.isInteger(token.value)) || NUMBER_WORDS[token?.lower ?? ''] !== undefined;
  while (at > 0 && index - at <= 4 && tokens[at]?.kind === 'word' && !counting(tokens[at]) && unitAt(tokens, at) === null) at--;
  return counting(tokens[at]) && unitAt(tokens, at + 1) === null && !isIdentifierNumber(tokens, at);
}
