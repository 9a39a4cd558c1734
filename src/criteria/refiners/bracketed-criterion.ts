/**
 * "SLA breach (< 99.9% availability)", "Positive driver feedback (≥ 4/5 satisfaction)": words that name a claim,
 * then its threshold in brackets at the end. The words outside label what the brackets measure, as before a colon.
 */
import { comparisonAt } from '../finders/comparison.ts';
import { CHANGE_BAD, CHANGE_DOWN, CHANGE_EITHER, CHANGE_GOOD, CHANGE_MOVES, CHANGE_UP, NEGATIONS, words } from '../lexicon.ts';
import { notAMetric } from '../metric-name-problems.ts';
import { metricText } from '../metric-text.ts';
import type { Token } from '../tokenize.ts';

// Words that open a condition or a need, not a name: "if needed", "as required".
const UNNAMED = words('needed necessary required possible applicable appropriate as');
// Words that say a change, a lack or a side of the level, which the bracket's level would then answer for: "Approval rate
// drop (< 80%)" is a level, not a drop; "Lack of adoption (< 10%)" and "High adoption (≥ 80%)" say which side is which.
const TURNING = new Set([
  ...CHANGE_UP,
  ...CHANGE_DOWN,
  ...CHANGE_MOVES,
  ...CHANGE_GOOD,
  ...CHANGE_BAD,
  ...CHANGE_EITHER,
  ...NEGATIONS,
  ...words('lack absence without low high excess excessive insufficient erosion uplift lift spike surge dip dips shortfall gap miss missed delta variance deviation'),
]);
// A claim that something is wrong ("SLA breach", "Slow pages") is a trigger's; one that it is well, an exit criterion's.
const BAD_HEADS = words('breach breaches overrun overruns violation violations outage outages incident incidents failure failures');
const BAD_FIRST = words('slow weak poor unhealthy negative degraded failed failing broken');
const GOOD_FIRST = words('positive healthy good strong stable successful');

/** Why words before a bracketed figure cannot name what it measures: a change or a side of the level, or a claim of the wrong kind. */
export function claimProblem(before: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  const name = metricText(before);
  const first = before[0]?.lower ?? '';
  const head = before.at(-1)?.lower ?? '';
  if (before.some((token) => TURNING.has(token.lower)))
    return `\`${name}\` says a change or a side of the level, and the figure in brackets may be the level or the change; write one, such as "conversion < 3%" or "conversion ≥ 3% below baseline"`;
  if (kind === 'exit' && (BAD_HEADS.has(head) || BAD_FIRST.has(first)))
    return `\`${name}\` names something wrong, which no exit criterion aims at; write the level that must hold, or move it under the rollback triggers`;
  if (kind === 'rollback' && GOOD_FIRST.has(first)) return `\`${name}\` names something well, which no trigger fires on; write the level that fires`;
  return null;
}

/** "Name words (< 3%)": the plain words before a closing bracket that opens with a comparison and holds a figure, else null. */
export function bracketedClaim(tokens: readonly Token[]): { before: Token[]; open: number } | null {
  if (tokens.at(-1)?.text !== ')') return null;
  const open = tokens.findIndex((token) => token.text === '(');
  const inside = tokens.slice(open + 1, -1);
  // Only words before the brackets, and one pair of them: a figure or a comparison outside is a threshold of its own.
  const before = tokens.slice(0, open);
  const named = open > 0 && before.every((token) => token.kind === 'word' || (token.kind === 'symbol' && ['-', '/', '&'].includes(token.text)));
  if (!named || inside.some((token) => token.text === '(' || token.text === ')') || !comparisonAt(inside, 0) || !inside.some((token) => token.kind === 'number')) return null;
  return { before, open };
}

/** The tokens with the closing bracket's claim written as a label's value: "SLA breach: < 99.9% availability". */
export function refineBracketedCriterion(tokens: Token[], kind: 'exit' | 'rollback'): Token[] {
  const claim = bracketedClaim(tokens);
  if (!claim) return tokens;
  const { before, open } = claim;
  // "Zero downtime (< 5 min)": words that name no metric stay an aside, and are reported; so does "if needed", a condition.
  if (notAMetric(metricText(before)) || UNNAMED.has(before[0]?.lower ?? '') || claimProblem(before, kind)) return tokens;
  return [...before, { ...(tokens[open] as Token), text: ':', lower: ':' }, ...tokens.slice(open + 1, -1)];
}
