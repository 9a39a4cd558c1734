/** What follows a comparison's quantity: what is counted, a change from an unnamed level, the thing a time is of. */
import type { Clause } from '../clause.ts';
import type { Threshold } from '../finders/threshold.ts';
import { isIdentifierNumber } from '../identifier-number.ts';
import { CHANGE_ADJECTIVES, CONDITIONS, EDGES, NEGATIONS, NOT_METRIC, PER_STOPS, QUALIFIERS, VERDICTS, words } from '../lexicon.ts';
import type { ParsedCriterion } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { isTimeUnit } from '../units.ts';

/** What is counted after the quantity, with what qualifies it: "1 in 50 orders fail at checkout", "2 releases in Beta without major bugs". */
export function countedAfter(clause: Clause, view: readonly Token[], threshold: Threshold, metric: string, per: ParsedCriterion['per']): Token[] {
  const counted: Token[] = [];
  for (let index = threshold.quantity.end; index < view.length; index++) {
    const token = view[index];
    if (!token || clause.used[index]) {
      if (counted.length > 0) break;
      continue;
    }
    if (counted.length === 0 && words('threshold limit mark level ceiling floor total overall absolute').has(token.lower)) {
      clause.used[index] = true;
      clause.place(index, index + 1, 'comparison');
      continue;
    }
    // A "without …" or "with no …" always stays: dropping it would drop a condition.
    const negative = token.lower === 'without' || (token.lower === 'with' && view[index + 1]?.lower === 'no');
    const qualifies = counted.length > 0 && (!metric || negative || counted.some((each) => ['without', 'no'].includes(each.lower)) || (per !== null && PER_STOPS.has(counted[0]?.lower ?? '')));
    const place =
      qualifies &&
      (QUALIFIERS.has(token.lower) || (['the', 'a', 'an'].includes(token.lower) && QUALIFIERS.has(counted.at(-1)?.lower ?? ''))) &&
      view[index + 1]?.kind === 'word' &&
      !clause.used[index + 1];
    // A verdict or a negation after the threshold judges it ("over 1% fails", "is not required"); it names nothing.
    const judges = NEGATIONS.has(token.lower.replace('’', "'")) || VERDICTS.has(token.lower) || ['fails', 'passes', 'blocks', 'required'].includes(token.lower);
    // "200 merchants opted in": a verb's particle that ends the clause is part of the name.
    const particle = ['in', 'on', 'out', 'off'].includes(token.lower) && /[a-z]{2}ed$/.test(counted.at(-1)?.lower ?? '') && (view[index + 1] === undefined || clause.used[index + 1] === true);
    if (
      !place &&
      !particle &&
      ((token.kind === 'number' && !isIdentifierNumber(view, index)) || token.kind === 'symbol' || judges || EDGES.has(token.lower) || CONDITIONS.has(token.lower) || NOT_METRIC.has(token.lower))
    )
      break;
    counted.push(token);
    clause.used[index] = true;
  }
  return counted;
}

/** "Less than 30 minutes of downtime": with no name before it, a time of something names it after "of". */
export function timeOfSomething(clause: Clause, view: readonly Token[], threshold: Threshold, metric: string): void {
  const of = threshold.quantity.end;
  if (metric || !isTimeUnit(threshold.quantity.unit) || view[of]?.lower !== 'of' || clause.used[of]) return;
  clause.use(of, of + 1);
  clause.place(of, of + 1, 'filler');
}

/** "Handle time at least 10% lower", "Sales 5% up": a change from a level the bullet does not name, not part of the name. */
export function movedAfter(clause: Clause, counted: readonly Token[]): void {
  const moved = counted[0];
  if (moved && (CHANGE_ADJECTIVES.has(moved.lower) || ['up', 'down', 'better', 'worse', 'quicker'].includes(moved.lower)))
    clause.asideProblem ??= `\`${moved.text}\` after the threshold makes it a change from a level the bullet does not name; write what it is measured from, such as "compared with last quarter"`;
}
