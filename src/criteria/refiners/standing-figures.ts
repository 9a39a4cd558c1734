/** Refuses bullets whose figures are no threshold: a figure told as where things stand. */
import { comparisonAt } from '../finders/comparison.ts';
import { joinTokens as join } from '../metric-text.ts';
import type { Token } from '../tokenize.ts';

// Words in brackets that give a figure as context: where things stand now, not where they must be.
const CONTEXT_FIGURES = new Set([
  'baseline',
  'current',
  'currently',
  'today',
  "today's",
  'now',
  'as-is',
  'is',
  'quo',
  'previous',
  'prior',
  'last',
  'old',
  'before',
  'historical',
  'pre-pilot',
  'pre-launch',
  'pre-migration',
  'pre-change',
  'legacy',
  'actual',
  'actuals',
  'observed',
  'measured',
]);
// Labels that give a figure as it stands: "Baseline error rate: 0.5%".
const STANDING_LABELS = new Set(['baseline', 'current', 'historical', 'previous', 'prior']);

/**
 * "Error rate: 0.5% (baseline)", "Readmission rate: 12% (prior year)", "Baseline error rate: 0.5%": a figure with no
 * comparison, told as where things stand, is no threshold. With a comparison written, a bracket may only say how it is
 * measured ("> 2% (observed)").
 */
export function standingProblem(tokens: readonly Token[]): string | null {
  // Most bullets have neither a bracket nor such a label: they need no search for a comparison.
  const labelled = STANDING_LABELS.has(tokens[0]?.lower ?? '');
  if (!labelled && !tokens.some((token) => token.text === '(')) return null;
  if (!tokens.some((token) => token.kind === 'number') || tokens.some((_, index) => comparisonAt(tokens, index) !== null)) return null;
  if (labelled && tokens.some((token) => token.text === ':'))
    return `\`${tokens[0]?.text}\` gives the figure as it stands, not a threshold; write the level that must hold, such as "error rate ≤ 0.5%"`;
  // Up to four words in the brackets, one of them a word of where things stand, and no number: "(prior year)", "(as is)".
  for (let open = 0; open < tokens.length; open++) {
    if (tokens[open]?.text !== '(') continue;
    const close = tokens.findIndex((each, after) => after > open && each.text === ')');
    const inside = tokens.slice(open + 1, close);
    if (close <= open + 1 || close - open > 5 || inside.some((each) => each.kind === 'number')) continue;
    if (inside.some((each) => CONTEXT_FIGURES.has(each.lower)))
      return `\`${join(tokens.slice(open, close + 1))}\` says the figure is where things stand, not a threshold; write the level that must hold, such as "error rate ≤ 0.5%"`;
  }
  return null;
}
