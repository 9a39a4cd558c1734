/** Whether a trigger names a grave event alone, which fires on one: "Security breach", "Data corruption or loss", "P0 bug". */
import type { Clause } from '../clause.ts';
import { GRAVE_EVENTS, GRAVE_FAULTS, GRAVER, SEVERE } from '../lexicon-counts.ts';
import type { Token } from '../tokenize.ts';

/**
 * Only words that make the event graver may name it: "Planned outage", "Minor incident" or "Two outages" say
 * otherwise. A fault is grave by its severity alone ("Critical defect"). Two grave events may be joined by "or",
 * the second sharing the first's words ("Data corruption or loss").
 */
export function namesGraveEvent(clause: Clause, body: readonly Token[]): boolean {
  const head = body.at(-1)?.lower ?? '';
  const graver = (token: Token) => token.kind === 'word' && (GRAVE_EVENTS.has(head) ? GRAVER.has(token.lower) : SEVERE.has(token.lower));
  const or = body.findIndex((token) => token.lower === 'or');
  const joined = or > 1 && or === body.length - 2 && GRAVE_EVENTS.has(body[or - 1]?.lower ?? '') && GRAVE_EVENTS.has(head);
  return (
    body.length >= 2 &&
    body.length <= (joined ? 5 : 3) &&
    (GRAVE_EVENTS.has(head) || GRAVE_FAULTS.has(head)) &&
    body.slice(0, joined ? or - 1 : -1).every(graver) &&
    !clause.tokens.some((token) => token.kind === 'symbol') &&
    !clause.window &&
    !clause.period &&
    !clause.sequence
  );
}
