/** A share whose counted things come before it: "Refund requests stay below 1% of orders". */
import type { Clause } from '../clause.ts';
import { POSSESSION } from '../finders/owner.ts';
import { MODALS } from '../lexicon.ts';
import { holdsOrStaysNoun, joinTokens as join, metricText } from '../metric-text.ts';
import type { Quantity } from '../quantity.ts';
import { blank, type ClauseResult, type Op } from '../reading.ts';
import type { Token } from '../tokenize.ts';

/** Words of a clause left after its share, with where each stands. */
export type Rest = Array<{ token: Token; index: number }>;

/** "Refund requests stay below 1% of orders": what is counted comes first, the population after "of". */
export function countedShare(clause: Clause, view: readonly Token[], share: Quantity, op: Op, population: string, rest: Rest): ClauseResult | null {
  const colon = view
    .slice(0, share.start)
    .map((token) => token.text)
    .lastIndexOf(':');
  const counted = metricText(view.slice(colon + 1, share.start).filter((token, index) => !clause.used[colon + 1 + index] && !MODALS.has(token.lower)));
  // "The cohort must include at least 30% of patients over 65" says what the cohort holds, which is no count of it.
  if (view.slice(colon + 1, share.start).some((token) => POSSESSION.has(token.lower))) return null;
  // "Healthy (< 70% of budget used)": a share inside brackets is the band of the name before them.
  const before = clause.tokens.slice(colon + 1, share.start);
  const bracketed = before.filter((token) => token.text === '(').length > before.filter((token) => token.text === ')').length;
  // "Stock levels refilled to ≥ 80% of capacity": a move to a share, not what is counted.
  const moved = clause.tokens[share.start - 1]?.lower === 'to' || (clause.tokens[share.start - 2]?.lower === 'to' && clause.tokens[share.start - 1]?.kind === 'symbol');
  if (!counted || bracketed || moved || rest.some(({ token }) => token.kind === 'number')) return null;
  // "Credit holds < 5% of orders": "holds" may be the verb or the things counted.
  const verbAt = before.findLastIndex((token) => token.lower === 'holds' || token.lower === 'stays');
  if (verbAt > 0 && holdsOrStaysNoun(before.slice(0, verbAt), before[verbAt]?.lower ?? '', before[verbAt + 1]))
    return {
      unsure: `\`${before[verbAt]?.text}\` may be a verb or part of what is counted; name it as a label, such as \`**${join(before.slice(0, verbAt + 1))}**: ${join(clause.tokens.slice(verbAt + colon + 2))}\``,
    };
  for (let index = colon + 1; index < share.start; index++) if (view[index]?.kind === 'word') clause.used[index] = true;
  for (const { index } of rest) clause.used[index] = true;
  return clause.finish([blank(`${counted} as a share of ${population}`, op, share.value, '%')]);
}
