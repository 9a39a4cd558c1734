/** A percent change of a share or a rate, which may be relative or in points: "Approval rate down more than 5%". */
import type { Clause } from '../clause.ts';
import type { Threshold } from '../finders/threshold.ts';
import { CHANGE_BAD, CHANGE_EITHER, CHANGE_GOOD, CHANGE_MOVES, RATIO_NAMES, words } from '../lexicon.ts';
import { joinTokens as join } from '../metric-text.ts';
import type { Quantity } from '../quantity.ts';
import type { ParsedCriterion } from '../reading.ts';
import type { Token } from '../tokenize.ts';

/**
 * "Increase the share of students by 10%", "Approval rate down more than 5%": a percent change of a share or a rate may be
 * relative or in points. A fraction in words ("by a third") is relative: its "%" stands for the word it replaced, where
 * "5 percent" is a percent.
 */
export function ratioChange(subject: readonly Token[], quantity: Quantity, last: Token | undefined): string | null {
  const fraction = last?.text === '%' && last.end - last.start > 1;
  if (quantity.unit !== '%' || fraction || !subject.some((token) => RATIO_NAMES.has(token.lower))) return null;
  return `\`${join(subject)}\` is itself a share or a rate, so \`${quantity.value}%\` may be relative or in percentage points; write "by ${quantity.value} point${quantity.value === 1 ? '' : 's'}" or "by ${quantity.value}% of its baseline"`;
}

const EXPLICIT = words('of relative relatively above below higher lower than');

/** "Approval rate down more than 5%": a change of a share or a rate told by a verb, whose "%" may be relative or in points. */
export function movedRatio(clause: Clause, threshold: Threshold, metric: readonly Token[]): string | null {
  const { quantity } = threshold;
  // "drops 10% below baseline", "10% of baseline", "10% relative to control" say what the percent is of.
  const said = clause.tokens.slice(quantity.end).some((token) => EXPLICIT.has(token.lower));
  const moves = (token: Token) =>
    CHANGE_MOVES.has(token.lower) || CHANGE_GOOD.has(token.lower) || CHANGE_BAD.has(token.lower) || CHANGE_EITHER.has(token.lower) || token.text === 'Δ' || token.lower === 'delta';
  if (said || !clause.tokens.slice(0, quantity.start).some(moves)) return null;
  return ratioChange(metric, quantity, clause.tokens[quantity.end - 1]);
}

/**
 * "Error rate 2% above control", "Crash rate 0.5% above the previous release": a percent of a share or a rate above or
 * below a baseline may be relative or in points; read as relative, "0.5% above" of a 1% rate fires on noise.
 */
export function relativeOfRate(criterion: ParsedCriterion, tokens: readonly Token[]): string | null {
  // None at all is none either way; a change of ten or more is a tenth of a rate and more, which points seldom are.
  if (criterion.baseline?.change !== 'relative' || criterion.unit !== '%' || criterion.value === 0 || criterion.value >= 10) return null;
  // "Recall@10": a measure at a cut-off is the measure.
  if (!criterion.metric.split(/\s+/).some((word) => RATIO_NAMES.has(word.toLowerCase().replace(/@\d+$/, '')))) return null;
  // "within 2% of control" says "of" as part of "within": still relative or points.
  const either = criterion.baseline.direction === 'either';
  if (tokens.some((token) => ['relative', 'relatively'].includes(token.lower) || (!either && token.lower === 'of'))) return null;
  const side = either ? 'within' : criterion.baseline.direction === 'decrease' ? 'below' : 'above';
  return `\`${criterion.metric}\` is itself a share or a rate, so \`${criterion.value}%\` ${side} \`${criterion.baseline.text}\` may be relative or in percentage points; ${either ? `write "within ${criterion.value} points of ${criterion.baseline.text}" for points` : `write "${criterion.value} points ${side} ${criterion.baseline.text}" or "${criterion.value}% of its baseline"`}`;
}
