/**
 * "p75 latency < 110% of baseline", "Throughput ≥ 95% of the control group": a percentage of a baseline
 * is a ratio to it, said the short way, so it becomes the ratio the reader already reads (`< 1.1x baseline`).
 */

import { baselineNameEnd } from '../finders/baseline.ts';
import { compares } from '../finders/comparison.ts';
import { BASELINE_NAMES, CHANGE_BAD, CHANGE_DOWN, CHANGE_MOVES, CHANGE_UP, SYMBOL_COMPARATORS } from '../lexicon.ts';
import type { Token } from '../tokenize.ts';

/** Whether a change comes right before the number: "spike > 100% of baseline" is a rise of 100%, not a level. */
function changeBefore(tokens: readonly Token[], index: number): boolean {
  // Back over the comparison's own words ("by more than", "to below") to the word before them.
  let at = index - 1;
  let placed = false;
  while (at >= 0 && (SYMBOL_COMPARATORS[tokens[at]?.text ?? ''] !== undefined || COMPARISON_WORDS.has(tokens[at]?.lower ?? ''))) {
    placed ||= PLACES.has(tokens[at]?.lower ?? '');
    at--;
  }
  const word = tokens[at]?.lower ?? '';
  // "drops below 70% of normal" is a level; "drops by 10% of baseline", "climbs more than 50% of baseline" are changes.
  if (word === 'by') return true;
  const moved = [CHANGE_UP, CHANGE_DOWN, CHANGE_BAD, CHANGE_MOVES].some((list) => list.has(word)) || /^(?:climb|jump|grow|degrade|spike|soar|surge|dip|slip)/.test(word);
  return moved && !placed;
}

const COMPARISON_WORDS = new Set(['more', 'less', 'fewer', 'than', 'over', 'under', 'below', 'above', 'at', 'least', 'most', 'to', 'no', 'greater', 'by']);
// Words that place a level rather than size a change.
const PLACES = new Set(['below', 'above', 'under']);

/** The tokens with each percentage of a baseline written as a multiple of it. */
export function refineBaselineShares(tokens: readonly Token[]): Token[] {
  // Most bullets hold no percentage at all.
  if (!tokens.some((token) => token.text === '%')) return [...tokens];
  const out: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const percent = tokens[index + 1];
    if (token.kind !== 'number' || percent?.text !== '%') {
      out.push(token);
      continue;
    }
    // "of" must stand between ("> 5% baseline" may as well be 5% above it), and "the" may: "110% of the baseline".
    let at = index + 2;
    const of = tokens[at]?.lower === 'of';
    if (of) at++;
    if (tokens[at]?.lower === 'the') at++;
    const name = tokens[at];
    // The baseline's name ends the claim: "1% of baseline traffic" is a share of traffic, not of a baseline.
    const end = baselineNameEnd(tokens, at);
    const ends = end >= tokens.length || tokens[end]?.kind === 'symbol' || ['and', 'or', 'for', 'over', 'during', 'in'].includes(tokens[end]?.lower ?? '');
    const signed = tokens[index - 1]?.text === '+' || tokens[index - 1]?.text === '-';
    // Only after a comparison: "reduced to 50% of current", "within 110% of baseline" and "at 95% … or better" say other things.
    const before = tokens[index - 1];
    const compared = compares(before) && before?.lower !== 'within';
    // "Error rate ≤ 5% of baseline": a twentieth of it, or within 5% of it? "Crash rate > 10% of baseline": a tenth, or 10% above
    // it? A share under a half is left for the reading to report.
    const tolerance = token.value < 50;
    if (!of || !name || !BASELINE_NAMES.test(name.lower) || !ends || signed || !compared || tolerance || changeBefore(tokens, index)) {
      out.push(token);
      continue;
    }
    const value = token.value / 100;
    const text = String(Math.round(value * 1e6) / 1e6);
    out.push({ ...token, text, lower: text, value, end: percent.end }, { ...percent, kind: 'word', text: 'x', lower: 'x', spaced: false });
    // "the" stays, so "the control group" is read whole, as "1.5x the control group" is.
    index = tokens[at - 1]?.lower === 'the' ? at - 2 : at - 1;
  }
  return out;
}
