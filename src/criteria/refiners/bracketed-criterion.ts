/**
 * "SLA breach (< 99.9% availability)", "Positive driver feedback (≥ 4/5 satisfaction)": words that name a claim,
 * then its threshold in brackets at the end. The words outside label what the brackets measure, as before a colon.
 */
import { comparisonAt } from '../finders/comparison.ts';
import { CHANGE_BAD, CHANGE_DOWN, CHANGE_GOOD, CHANGE_MOVES, CHANGE_UP, words } from '../lexicon.ts';
import { notAMetric } from '../metric-name-problems.ts';
import { metricText } from '../metric-text.ts';
import type { Token } from '../tokenize.ts';

// Words that open a condition or a need, not a name: "if needed", "as required".
const UNNAMED = words('needed necessary required possible applicable appropriate as');

/** The tokens with the closing bracket's claim written as a label's value: "SLA breach: < 99.9% availability". */
export function refineBracketedCriterion(tokens: Token[]): Token[] {
  if (tokens.at(-1)?.text !== ')') return tokens;
  const open = tokens.findIndex((token) => token.text === '(');
  const inside = tokens.slice(open + 1, -1);
  // Only words before the brackets, and one pair of them: a figure or a comparison outside is a threshold of its own.
  const before = tokens.slice(0, open);
  const named = open > 0 && before.every((token) => token.kind === 'word' || (token.kind === 'symbol' && ['-', '/', '&'].includes(token.text)));
  if (!named || inside.some((token) => token.text === '(' || token.text === ')') || !comparisonAt(inside, 0) || !inside.some((token) => token.kind === 'number')) return tokens;
  // "Zero downtime (< 5 min)", "Reduced manual effort (≥ 20%)": words that name no metric stay an aside, and are reported.
  // "Roll back if needed (> 2% errors)": "if needed" was a condition, its "if" framed off.
  const first = before[0]?.lower ?? '';
  if (notAMetric(metricText(before)) || [CHANGE_UP, CHANGE_DOWN, CHANGE_MOVES, CHANGE_GOOD, CHANGE_BAD].some((set) => set.has(first)) || UNNAMED.has(first)) return tokens;
  return [...before, { ...(tokens[open] as Token), text: ':', lower: ':' }, ...inside];
}
