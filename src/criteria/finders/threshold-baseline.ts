/** Attaches to a found threshold the baseline it is measured against, if any. */
import type { Clause } from '../clause.ts';
import { BASELINE_NAMES } from '../lexicon.ts';
import { changePolarity } from '../metric-polarity.ts';
import { joinTokens as join } from '../metric-text.ts';
import type { Baseline } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { baselineBefore, baselineText, findBaseline } from './baseline.ts';
import type { Threshold } from './threshold.ts';

/**
 * The baseline a threshold is measured against: "20% fewer calls than the control group", "within 1
 * point of baseline", "> 2x baseline", "increase by more than 5% compared to …", or one named before
 * the comparison. A change with no baseline written is against one the plan does not name.
 */
export function attachBaseline(clause: Clause, view: readonly Token[], threshold: Threshold): { baseline: Baseline | null; metric: Token[] } | { unsure: string } {
  const { quantity, preChange, opStart } = threshold;
  const before = view.filter((token, index) => !clause.used[index] && token.kind === 'word' && index < quantity.start);
  const within = clause.tokens.slice(opStart, quantity.start).some((token) => ['within', '±'].includes(token.lower));
  const found = findBaseline(view, quantity.end, preChange, () => changePolarity(join(before)), within);
  // "≤ 2x v1": a version is a baseline too, where a multiple is of something.
  const named = (at: number) => {
    const word = view[at]?.lower === 'the' ? (view[at + 1]?.lower ?? '') : (view[at]?.lower ?? '');
    return BASELINE_NAMES.test(word) || /^v\d+(?:\.\d+)*$/.test(word);
  };
  const ratio = quantity.unit === 'x' && !found && named(quantity.end);
  if (!found && !ratio && !preChange) {
    const earlier = baselineBefore(view, opStart, quantity.unit);
    if (earlier) clause.use(earlier.start, opStart);
    if (earlier) clause.place(earlier.start, opStart, 'baseline');
    return { baseline: earlier?.baseline ?? null, metric: [] };
  }
  if (within && quantity.unit === 'x')
    return { unsure: `\`within ${quantity.value}x\` of a baseline allows a multiple either way; write the most it may reach, such as \`≤ ${quantity.value}x baseline\`` };
  // "within 95% of baseline" is no band either: a tolerance that wide is a share of the baseline, said unclearly.
  if (within && quantity.unit === '%' && quantity.value >= 50 && found)
    return { unsure: `it allows a change of \`${quantity.value}%\` either way from \`${found.text}\`, which is no band; write the multiple, such as \`≤ 1.1x ${found.text}\`` };
  if (found?.direction === 'unknown') return { unsure: `it says better or worse than \`${found.text}\`, but the metric does not say which way is better; write "higher" or "lower"` };
  const direction: Baseline['direction'] = within ? 'either' : ((found?.direction as Baseline['direction'] | undefined) ?? preChange ?? 'increase');
  // "2x the control group": the baseline's whole name, up to what qualifies it.
  const nameEnd = ratio ? baselineText(view, quantity.end).end : quantity.end;
  // A figure after the name ("2x baseline 5 minutes") is no part of it.
  const figure = view.findIndex((token, at) => at > quantity.end && at < nameEnd && token.kind === 'number');
  const ratioEnd = figure > 0 ? figure : nameEnd;
  const text = found?.text ?? (ratio ? join(view.slice(quantity.end, ratioEnd)) : 'baseline');
  if (found) clause.use(found.start, found.end);
  else if (ratio) clause.use(quantity.end, ratioEnd);
  // The change word and the baseline are the baseline's; words between them are the metric's, or left.
  if (found) clause.place(found.start, found.start + (found.linkAt > found.start && found.metric.length === 0 ? found.linkAt - found.start : 1), 'baseline');
  if (found) clause.place(found.linkAt, found.end, 'baseline');
  else if (ratio) clause.place(quantity.end, ratioEnd, 'baseline');
  else clause.notes.push('Read the change against a baseline the plan does not name.');
  threshold.op ??= '>=';
  return { baseline: { text, change: quantity.unit === 'x' ? 'ratio' : quantity.unit === '%' ? 'relative' : 'points', direction }, metric: found?.metric ?? [] };
}
