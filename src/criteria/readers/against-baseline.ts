/**
 * Reads a level compared with a baseline and no number: "Query performance ≥ baseline", "error rate
 * below the control group". It holds as a change of nought: `≥ 0% above baseline`, which evaluate
 * judges from the observed figure and the baseline's own.
 */
import type { Clause } from '../clause.ts';
import { baselineNameEnd } from '../finders/baseline.ts';
import { comparisonAt } from '../finders/comparison.ts';
import { APPROXIMATE, BASELINE_NAMES, NOT_GATING } from '../lexicon.ts';
import { joinTokens as join, metricText } from '../metric-text.ts';
import { blank, type ClauseResult } from '../reading.ts';
import type { Token } from '../tokenize.ts';

/** The comparison with a baseline's name that ends the clause, with the metric before it; null for any other form. */
export function readAgainstBaseline(clause: Clause, view: readonly Token[]): ClauseResult | null {
  for (let index = 1; index < view.length; index++) {
    const comparison = comparisonAt(view, index);
    if (!comparison || comparison.op === '=' || clause.used[index]) continue;
    const at = view[comparison.end]?.lower === 'the' ? comparison.end + 1 : comparison.end;
    // The baseline's name ends the claim ("baseline", "the control group"): nothing but punctuation after it.
    const end = baselineNameEnd(view, at);
    if (!BASELINE_NAMES.test(view[at]?.lower ?? '') || view.slice(end).some((token) => token.kind !== 'symbol')) continue;
    const words = view.slice(0, index).filter((_, position) => !clause.used[position]);
    // "well above baseline", "roughly ≥ control", "Latency, errors and crashes ≤ baseline": a degree, a hedge or a list is no plain level.
    const plain = words.every(
      (token) =>
        token.text !== ',' &&
        token.text !== ';' &&
        !['and', 'or', 'well', 'far', 'much'].includes(token.lower) &&
        !/ly$/.test(token.lower) &&
        !APPROXIMATE.has(token.lower) &&
        !NOT_GATING.has(token.lower) &&
        // "Basket size 2 items below control": an amount before the comparison is the change, not part of the name.
        token.kind !== 'number',
    );
    const metric = plain ? metricText(words) : '';
    if (!metric) return null;
    clause.use(0, end);
    clause.place(index, comparison.end, 'comparison');
    clause.place(comparison.end, end, 'baseline');
    const text = join(view.slice(comparison.end, end));
    return clause.finish(
      [{ ...blank(metric, comparison.op, 0, '%'), baseline: { text, change: 'relative', direction: 'increase' } }],
      [`Read "${join(view.slice(index, end))}" as a change of nought from ${text}.`],
    );
  }
  return null;
}
