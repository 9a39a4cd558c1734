/**
 * "0 Duplicate Sales: Idempotency keys prevent double billing on checkout": a count stated before a colon, then a
 * sentence that says how it is kept, not what is counted. The reading ends at the colon.
 */
import { CONDITIONS, EDGES, NEGATIONS, NUMBER_WORDS, SYMBOL_COMPARATORS, words } from '../lexicon.ts';
import type { Token } from '../tokenize.ts';

// Words after the colon that narrow or change the count, which an explanation never holds.
const NARROWING = words('except excluding only but unless within per each every all any over under above below more less fewer at least most');

// Words that open how a count of none is known.
const KNOWN_BY = words('confirmed verified checked measured tracked validated tested shown proven monitored reviewed audited signed');
// Words that allow some, which no count of none holds.
const ALLOWING = words('handful few some acceptable allowed tolerated ok okay fine occasional rare aim aspirational goal target');

/** Where such an explanation starts, or `end`. */
export function explanationAt(tokens: readonly Token[], start: number, end: number): number {
  const first = tokens[start];
  if (first?.kind !== 'number' && !['zero', 'no'].includes(first?.lower ?? '')) return end;
  const counted = first?.kind === 'number' ? first.value === 0 : ['zero', 'no'].includes(first?.lower ?? '') || NUMBER_WORDS[first?.lower ?? ''] === 0;
  if (!counted) return end;
  const colon = tokens.findIndex((token, index) => index > start && index < end && token.text === ':');
  if (colon < start + 2 || colon > start + 6) return end;
  const claim = tokens.slice(start + 1, colon);
  const rest = tokens.slice(colon + 1, end);
  const plain = (token: Token) => token.kind === 'word' || (token.kind === 'symbol' && ['.', ',', '-', '/'].includes(token.text));
  // A sentence of its own: "Idempotency keys prevent …"; "in the Berlin stores" narrows, "a handful is acceptable" allows.
  // "confirmed by restore tests": how it is known, as a sentence would say it.
  const sentence = (/^[A-Z][a-z]/.test(rest[0]?.text ?? '') && !EDGES.has(rest[0]?.lower ?? '')) || KNOWN_BY.has(rest[0]?.lower ?? '');
  if (!claim.every((token) => token.kind === 'word') || rest.filter((token) => token.kind === 'word').length < 3 || !rest.every(plain) || !sentence) return end;
  if (rest.some((token) => ALLOWING.has(token.lower))) return end;
  // "No vulnerabilities: Security scan shows zero critical CVEs" says again what is counted, more narrowly.
  const figured = (token: Token) => NUMBER_WORDS[token.lower] !== undefined || ['none', 'nil'].includes(token.lower);
  if (rest.some((token) => NARROWING.has(token.lower) || CONDITIONS.has(token.lower) || NEGATIONS.has(token.lower) || figured(token) || SYMBOL_COMPARATORS[token.text] !== undefined)) return end;
  return colon;
}
