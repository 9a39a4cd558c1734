/**
 * Finds a scope after the threshold that names whose figure it is: "cash variance < 0.5% across
 * stores", "error rate < 1% for enterprise customers", "≥ 90% leave requests via portal". It belongs
 * in the metric's name; a scope that quantifies ("in each region", "for all users") stays unplaced,
 * since one figure cannot hold every region.
 */
import type { Clause } from '../clause.ts';
import { COMPARING, CONDITIONS, NEGATIONS, NOT_METRIC, NOT_SCOPE, NUMBER_WORDS, QUANTIFIERS, SCOPE_OPENERS, SIGNIFICANT, TIME_NAMES_SET, VERDICTS } from '../lexicon.ts';
import { nounNotVerb } from '../metric-name-problems.ts';
import type { Token } from '../tokenize.ts';
import { unitOf } from '../units.ts';

// A scope is a short phrase, not a second sentence.
const LONGEST_SCOPE = 5;

/** Whether a word may stand in a scope: a plain name, never a time, a number, a comparison, a condition or a judgement. */
function scopeWord(token: Token, before?: Token, after?: Token): boolean {
  const word = token.lower;
  // "on the test set": after a kind of data, "set" is the data, not the verb, as in a name.
  if (word === 'set' && nounNotVerb(word, before?.lower ?? '', after?.lower ?? '')) return true;
  if (token.kind !== 'word' || unitOf(word) !== null || NUMBER_WORDS[word] !== undefined || TIME_NAMES_SET.has(word.replace(/s$/, ''))) return false;
  return ![QUANTIFIERS, NEGATIONS, CONDITIONS, COMPARING, SIGNIFICANT, NOT_METRIC, VERDICTS, NOT_SCOPE].some((list) => list.has(word)) && !['and', 'or', 'nor', 'but'].includes(word);
}

/** The scope that ends the clause after `from`, if every word of it can name one. */
export function findTrailingScope(clause: Clause, view: readonly Token[], from: number): { start: number; end: number } | null {
  const start = view.findIndex((_, index) => index >= from && !clause.used[index]);
  if (start < 0 || !SCOPE_OPENERS.has(view[start]?.lower ?? '')) return null;
  let end = view.length;
  while (end > start && view[end - 1]?.kind === 'symbol' && ['.', ';'].includes(view[end - 1]?.text ?? '')) end--;
  const inside = view.slice(start + 1, end);
  // "for a fortnight", "for the whole pilot": after "for", a span of time, not whose figure it is.
  if (view[start]?.lower === 'for' && ['a', 'an'].includes(inside[0]?.text ?? '')) return null;
  if (inside.length === 0 || inside.length > LONGEST_SCOPE) return null;
  if (view.slice(start, end).some((_, offset) => clause.used[start + offset])) return null;
  // "for Q&A", "on iOS/Android": a symbol may join two words of the name.
  const joins = (token: Token, at: number) => ['&', '/'].includes(token.text) && at > 0 && at < inside.length - 1;
  return inside.every((token, at) => scopeWord(token, inside[at - 1], inside[at + 1]) || joins(token, at)) ? { start, end } : null;
}
