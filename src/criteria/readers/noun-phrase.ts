/** The noun phrase a reading without a number counts: where it ends, what may join two names, and the one criterion it makes. */
import type { Clause } from '../clause.ts';
import { CLAUSE_OPENERS, CONDITIONS, EDGES, MASS_EVENTS, NOT_METRIC, words } from '../lexicon.ts';
import { joinTokens as join } from '../metric-text.ts';
import { blank, type ClauseResult, type Op } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { agesOrWaits } from './threshold-problems.ts';

/** The words a quantifier reading works on: what is left of the clause, its first word and the rest. */
export interface Words {
  clause: Clause;
  view: readonly Token[];
  body: Token[];
  first: string;
  rest: Token[];
}

/** One criterion from the clause, every word left being its: nothing else is written. */
export function single(input: Words, metric: string, op: Op, value: number, notes: string[] = []): ClauseResult {
  const { clause, view, body } = input;
  // "No P1 bugs open for 7 days": how long each has been open, or a week with none open? A reading cannot tell.
  // "Any incident lasting more than 4 hours": how long each lasts.
  const aged = clause.windowLink === 'lasting' || (clause.windowLink === 'for' && agesOrWaits(metric));
  if (aged) return { unsure: `\`${metric}\` for a time may say how long each stays open; write "${metric} older than …" or "no ${metric} at any time over …"` };
  // "0 P0 bugs on 3 consecutive days at p95": a count has no percentile.
  if (clause.percentile) return { unsure: `it counts ${metric} with \`${join(clause.tokens.slice(clause.percentile.start, clause.percentile.end))}\`, but a count has no percentile; drop it` };
  for (const token of body) clause.used[clause.tokens.indexOf(token)] = true;
  for (let index = 0; index < clause.tokens.length; index++) if (!clause.used[index] && view[index]?.kind === 'word') clause.used[index] = true;
  return clause.finish([blank(metric, op, value, null)], notes);
}

// States that say which are counted: "P1 defects open", "P1 bugs remaining".
export const LEFT_OPEN = words('open outstanding unresolved remaining active remain remains');

// Words that start a second claim; "and" and "or" only where they may not join names.
const SECOND_CLAIM = 'but should must will increase increases spike spikes drop drops inform informs cause causes';
const CLAIM_STARTS = [words(`${SECOND_CLAIM} and or`), words(`${SECOND_CLAIM} or`), words(`${SECOND_CLAIM} and`), words(SECOND_CLAIM)];

/** Short enough and free of a second claim to be one noun phrase; `or` may join names after no or any (`union`). */
export const plain = (list: readonly Token[], and = false, longest = 6, union = false) =>
  list.length <= longest && !list.some((token) => CLAIM_STARTS[(and ? 1 : 0) + (union ? 2 : 0)]?.has(token.lower));

/** Where a noun phrase ends: at a condition, a word that is no metric's, or a joint. */
const phraseEnd = (list: readonly Token[], from: number) =>
  list.findIndex((token, position) => position >= from && (CONDITIONS.has(token.lower) || NOT_METRIC.has(token.lower) || ['and', 'or', 'but'].includes(token.lower)));

/**
 * After no, zero or any, "or" may join two names of what is counted ("critical or high severity defects",
 * "downtime or data loss"): none of either is none of both, so the names stay one metric. The second
 * name must be a noun phrase ending in a plural or a mass noun, not a second claim ("or the release waits").
 */
export function joinsNames(list: readonly Token[], or: number): boolean {
  const end = phraseEnd(list, or + 1);
  const whole = list.slice(or + 1, end < 0 ? list.length : end);
  // "No P0 or P1 bugs remaining": a state after the name says which are counted.
  const name = whole.length > 1 && LEFT_OPEN.has(whole.at(-1)?.lower ?? '') ? whole.slice(0, -1) : whole;
  // Its head is the word before what scopes it: "corruption during migration", "errors in checkout".
  const scoped = name.findIndex((token, position) => position > 0 && EDGES.has(token.lower) && token.lower !== 'of');
  const last = (scoped > 0 ? name[scoped - 1] : name.at(-1))?.lower ?? '';
  // A number in either name is a threshold of its own ("any P1 defect or 3 P2 defects"), never part of a name.
  if (list.slice(0, end < 0 ? list.length : end).some((token) => token.kind === 'number')) return false;
  return name.length > 0 && name.length <= 6 && !CLAUSE_OPENERS.has(name[0]?.lower ?? '') && ((/[a-z0-9]s$/.test(last) && !last.endsWith('ss')) || MASS_EVENTS.has(last));
}

/** A noun phrase keeps what qualifies it ("orders shipped to the wrong address") and ends at a condition or a second claim. */
export function phrase(list: readonly Token[], union = false): readonly Token[] {
  let end = phraseEnd(list, 1);
  while (union && end > 0 && list[end]?.lower === 'or' && joinsNames(list, end)) end = phraseEnd(list, end + 1);
  return end > 0 ? list.slice(0, end) : list;
}
