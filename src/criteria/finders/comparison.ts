/** Finds a comparison and where its quantity starts: "< 300 ms", "no more than a dozen", "must not exceed 2%". */
import { isIdentifierNumber } from '../identifier-number.ts';
import { COMPARING, SYMBOL_COMPARATORS, TIME_VERBS, WORDS_AFTER, WORDS_BEFORE_BY_FIRST, words } from '../lexicon.ts';
import { numberAt, quantityAt, wordsAt } from '../quantity.ts';
import type { Op } from '../reading.ts';
import type { Token } from '../tokenize.ts';

export const FLIP: Readonly<Record<Op, Op>> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' };

// A limit in a trigger fires when it is crossed: "max queue age: 15 min" rolls back above 15 min.
export const CROSSED: Readonly<Record<Op, Op>> = { '<=': '>', '>=': '<', '<': '>=', '>': '<=', '=': '!=', '!=': '=' };

/** Whether a token compares, by a sign ("<", "≥") or a word ("above", "exceeds", "within"). */
export const compares = (token: Token | undefined): boolean => token !== undefined && (SYMBOL_COMPARATORS[token.text] !== undefined || COMPARING.has(token.lower));

/** The comparison at `index`: a symbol or a phrase, and where its quantity starts. */
export function comparisonAt(tokens: readonly Token[], index: number): { op: Op; end: number } | null {
  const token = tokens[index];
  if (!token) return null;
  const symbol = SYMBOL_COMPARATORS[token.text];
  if (symbol) return { op: symbol, end: index + 1 };
  // "Cost per drop under £3", "failures per run below 1": after "per" a verb of a phrase is what the rate counts in.
  const counted = tokens[index - 1]?.lower === 'per';
  for (const [phrase, op] of WORDS_BEFORE_BY_FIRST.get(token.lower) ?? []) if ((!counted || phrase.length === 1) && wordsAt(tokens, index, phrase)) return { op, end: index + phrase.length };
  // "served in 60 seconds", "resolved in 2 days": a time verb then "in" is "within".
  if (token.lower === 'in' && TIME_VERBS[tokens[index - 1]?.lower ?? ''] !== undefined) return { op: '<=', end: index + 1 };
  return null;
}

/** Where a comparison's quantity starts: past "a", "the", "about", "~". */
export function quantityStart(tokens: readonly Token[], at: number): number {
  let index = at;
  while (['a', 'an', 'the', 'of', '±', '+/-'].includes(tokens[index]?.lower ?? '') && !numberAt(tokens, index)) index++;
  return index;
}

// A side states a threshold when a comparison has its quantity: "error rate < 1%", "3 or fewer defects".
export const statesThreshold = (part: readonly Token[]) =>
  part.some((_, index) => {
    const comparison = comparisonAt(part, index);
    if (comparison && quantityAt(part, quantityStart(part, comparison.end))) return true;
    if (words('be is are equals').has(part[index]?.lower ?? '') && numberAt(part, index + 1)) return true;
    const quantity = isIdentifierNumber(part, index) ? null : quantityAt(part, index);
    return quantity !== null && (quantity.plus || WORDS_AFTER.some(([phrase]) => wordsAt(part, quantity.end, phrase)));
  });
