/**
 * Splits a criterion into tokens for the grammar: numbers (with their value), words, symbols and
 * code spans. Identifiers that hold digits or slashes (`p95`, `5xx`, `req/sec`, `HTTP 401/403`)
 * stay whole words, so they are never read as a number or a rate.
 */

export type TokenKind = 'number' | 'word' | 'symbol' | 'code';

export interface Token {
  kind: TokenKind;
  /** The text as written. */
  text: string;
  /** Lower case, for matching words. */
  lower: string;
  start: number;
  end: number;
  /** For a number: its value, with `k`/`M`/`B` suffixes applied. */
  value: number;
  /** For a number: written as an ordinal ("95th"). */
  ordinal: boolean;
  /** Whether a space (or nothing at all, at the start) comes before the token. */
  spaced: boolean;
}

const SUFFIX: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, bn: 1e9 };
const NUMBER = /^(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|^\.\d+/;
// "99,9%" is a decimal comma: one or two digits after it and no third.
const DECIMAL_COMMA = /^\d+,\d{1,2}(?![\d,])/;
const STATUS_CLASS = /^\d[xX]{2}(?![\p{L}\d])/u;
const STATUS_PAIR = /^\d{3}\/\d{3}(?!\d)/;
// "404s rate", "500s spiking": status codes in the plural.
const STATUS_PLURAL = /^[1-5]\d\ds(?=\s+(?:rate|errors?|responses?|codes?|spik\w*|count|are|were|increase\w*)\b)/i;
const ORDINAL = /^(?:st|nd|rd|th)(?![\p{L}\d])/u;
const MULTIPLIER = /^(?:bn|[kKMB])(?![\p{L}\d])/u;
const WORD = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_'’]|[./-](?=[\p{L}\p{N}_]))*/u;
const SYMBOLS = ['<=', '>=', '=<', '=>', '!=', '==', '<>', '≤', '≥', '≠', '⩽', '⩾', '≈', '±', '×', '–', '—', '…', '<', '>', '=', ':', ';', ',', '(', ')', '[', ']', '/', '+', '-', '*', '|', '%', '~', '$', '€', '£', '¥', '₹', '?', '!', '&', '#', '"', '“', '”', '@', '^'];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (kind: TokenKind, start: number, end: number, value = Number.NaN, ordinal = false) => {
    const piece = text.slice(start, end);
    // A code span's own start is its opening backtick.
    const from = kind === 'code' ? start - 1 : start;
    tokens.push({ kind, text: piece, lower: piece.toLowerCase(), start, end, value, ordinal, spaced: from === 0 || /\s/.test(text.charAt(from - 1)) });
  };
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    if (rest.startsWith('`')) {
      const close = text.indexOf('`', at + 1);
      if (close > at) {
        push('code', at + 1, close);
        at = close + 1;
        continue;
      }
    }
    // Identifiers that start with digits: status classes and status pairs.
    const identifier = STATUS_CLASS.exec(rest) ?? STATUS_PAIR.exec(rest) ?? STATUS_PLURAL.exec(rest);
    if (identifier) {
      push('word', at, at + identifier[0].length);
      at += identifier[0].length;
      continue;
    }
    const comma = DECIMAL_COMMA.exec(rest);
    const number = comma ?? NUMBER.exec(rest);
    if (number && !/[\p{L}_]/u.test(text.charAt(at - 1) || ' ')) {
      let value = Number(comma ? number[0].replace(',', '.') : number[0].replace(/,/g, ''));
      let end = at + number[0].length;
      const after = text.slice(end);
      const ordinal = ORDINAL.exec(after);
      const multiplier = ordinal ? null : MULTIPLIER.exec(after);
      if (ordinal) end += ordinal[0].length;
      else if (multiplier) {
        value *= SUFFIX[multiplier[0]] ?? 1;
        end += multiplier[0].length;
      }
      push('number', at, end, value, ordinal !== null);
      at = end;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      push('word', at, at + word[0].length);
      at += word[0].length;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => rest.startsWith(candidate)) ?? String.fromCodePoint(rest.codePointAt(0) ?? 32);
    push('symbol', at, at + symbol.length);
    at += symbol.length;
  }
  return tokens;
}
