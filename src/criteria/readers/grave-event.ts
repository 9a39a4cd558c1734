/** Whether a trigger names a grave event alone, which fires on one: "Security breach", "Data corruption or loss", "P0 bug". */
import type { Clause } from '../clause.ts';
import { words } from '../lexicon.ts';
import { GRAVE_EVENTS, GRAVE_FAULTS, GRAVER, SEVERE } from '../lexicon-counts.ts';
import type { Token } from '../tokenize.ts';

/**
 * Only words that make the event graver may name it: "Planned outage", "Minor incident" or "Two outages" say
 * otherwise. A fault is grave by its severity alone ("Critical defect"). Two grave events may be joined by "or",
 * the second sharing the first's words ("Data corruption or loss").
 */
export function namesGraveEvent(clause: Clause, body: readonly Token[]): boolean {
  const head = body.at(-1)?.lower ?? '';
  const graver = (token: Token) => token.kind === 'word' && (grave(head) ? graverFor(head).has(token.lower) : SEVERE.has(token.lower));
  const or = body.findIndex((token) => token.lower === 'or');
  const joined = or > 1 && or === body.length - 2 && grave(body[or - 1]?.lower ?? '') && grave(head);
  return (
    body.length >= 2 &&
    body.length <= (joined ? 5 : 3) &&
    (grave(head) || GRAVE_FAULTS.has(head)) &&
    (head !== 'loss' || body.some((token) => token.lower === 'data')) &&
    body.slice(0, joined ? or - 1 : -1).every(graver) &&
    !clause.tokens.some((token) => token.kind === 'symbol') &&
    !clause.window &&
    !clause.period &&
    !clause.sequence
  );
}

// Loss is grave only of data ("Customer loss" or "Production loss" is a business figure); one outage complete or total
// ("Total outages" counts them), or of what it names ("Payment system outage", "API outage"; "Partial outage" is not).
const grave = (word: string) => GRAVE_EVENTS.has(word) || word === 'loss';
const OUTAGE_WORDS: ReadonlySet<string> = new Set([...GRAVER, ...words('complete total full system service api platform network site website app server gateway checkout')]);
const graverFor = (head: string): ReadonlySet<string> => (head === 'outage' ? OUTAGE_WORDS : GRAVER);
