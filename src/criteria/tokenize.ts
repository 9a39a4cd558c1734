import { wordTable } from './word-table.ts';
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

const SUFFIX: Readonly<Record<string, number>> = wordTable({ k: 1e3, K: 1e3, M: 1e6, mn: 1e6, B: 1e9, bn: 1e9 });
// Sticky patterns, matched at a position without slicing the text: this runs on every bullet of every plan.
const SPACE = /\s+/y;
const NUMBER = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+/y;
// "99,9%" is a decimal comma: one or two digits after it and no third.
const DECIMAL_COMMA = /\d+,\d{1,2}(?![\d,])/y;
const STATUS_CLASS = /\d[xX]{2}(?![\p{L}\d])/uy;
const STATUS_PAIR = /\d{3}\/\d{3}(?!\d)/y;
// "404s rate", "500s spiking": status codes in the plural.
const STATUS_PLURAL = /[1-5]\d\ds(?=\s+(?:rate|errors?|responses?|codes?|spik\w*|count|are|were|increase\w*)\b)/iy;
const ORDINAL = /(?:st|nd|rd|th)(?![\p{L}\d])/uy;
const MULTIPLIER = /(?:bn|mn|[kKMB])(?![\p{L}\d])/uy;
const WORD = /[\p{L}\p{N}_](?:[\p{L}\p{N}_'’]|[./-](?=[\p{L}\p{N}_]))*/uy;
const LETTER = /[\p{L}_]/u;
// Not before a word: "Errors@10 min" is a count in a span, whose unit would be lost.
const AT_CUTOFF = /@\d+(?![\p{L}\d])(?!\s+\p{L})/uy;
// "A$20", "NZ$5": a dollar of another country is one sign, never a US dollar after a word.
const FOREIGN_DOLLAR = /[A-Z]{1,3}\$/y;
const BLANK = /\s/;
const SYMBOLS = [
  '<=',
  '>=',
  '=<',
  '=>',
  '!=',
  '==',
  '<>',
  '≤',
  '≥',
  '≠',
  '⩽',
  '⩾',
  '≈',
  '±',
  '×',
  '–',
  '—',
  '…',
  '<',
  '>',
  '=',
  ':',
  ';',
  ',',
  '(',
  ')',
  '[',
  ']',
  '/',
  '+',
  '-',
  '*',
  '|',
  '%',
  '~',
  '$',
  '€',
  '£',
  '¥',
  '₹',
  '?',
  '!',
  '&',
  '#',
  '"',
  '“',
  '”',
  '@',
  '^',
  '‰',
  '‱',
  '❌',
  '✗',
  '✘',
  '⛔',
];

const VALUE_IN_CODE = /`(\s*(?:>=|<=|≥|≤|>|<|=)\s*\d[\d,.]*\s*(?:%|[A-Za-zµ]+)?\s*)`/g;

// Markdown's underscore emphasis around words, which the text of a bullet may still hold.
const UNDERSCORE_EMPHASIS = /(^|[\s([])(__?)(?=[^\s_])([^\n]*?[^\s_])\2(?=$|[\s:.,;!?)\]])/g;

/**
 * The text as it is tokenized, each character in its place: a hyphen that does not break ("on‑time",
 * U+2011) or a typographic one (U+2010) joins words as "-" does, and a value set in code, a comparison
 * and a number alone ("Success rate: `>= 85%`"), is read as written, a blank for each backtick.
 */
function plainText(written: string): string {
  // "__Error rate__:", "_p95_": Markdown's underscore emphasis, blanked so that its words stand alone where they were.
  const plain = !written.includes('_')
    ? written
    : written.replace(UNDERSCORE_EMPHASIS, (_, before: string, mark: string, inner: string) => `${before}${' '.repeat(mark.length)}${inner}${' '.repeat(mark.length)}`);
  const hyphened = /[\u2010\u2011]/.test(plain) ? plain.replace(/[\u2010\u2011]/g, '-') : plain;
  return hyphened.includes('`') ? hyphened.replace(VALUE_IN_CODE, ' $1 ') : hyphened;
}

/** "A$", "NZ$" at `at`, or null; most words start in lower case, and need no look. */
function foreignDollar(text: string, at: number): string | null {
  const capital = text.charCodeAt(at);
  return capital >= 65 && capital <= 90 ? matchAt(FOREIGN_DOLLAR, text, at) : null;
}

// A letter, digit or underscore of ASCII, as `WORD` takes them.
const asciiWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;

/**
 * Where the word at `at` ends, as `WORD` would match it, for words all in ASCII: 0 past `at` when none starts
 * there, -1 where a character outside ASCII leaves it to the pattern. Most words are ASCII, and this is a loop.
 */
function asciiWordEnd(text: string, at: number): number {
  let end = at;
  for (;;) {
    const code = text.charCodeAt(end);
    if (asciiWordChar(code) || (end > at && (code === 39 || code === 0x2019))) end++;
    else if (end > at && (code === 46 || code === 47 || code === 45) && asciiWordChar(text.charCodeAt(end + 1))) end += 2;
    else if (code >= 128 || (end > at && (code === 46 || code === 47 || code === 45) && text.charCodeAt(end + 1) >= 128)) return -1;
    else return end;
  }
}

/** The match of a sticky pattern at `at`, or null. */
function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

/** The number that starts at `at`, with its suffix ("5k") or ordinal ("95th"); none right after a letter ("v2"). */
function numberAt(text: string, at: number): { end: number; value: number; ordinal: boolean } | null {
  const comma = matchAt(DECIMAL_COMMA, text, at);
  const number = comma ?? matchAt(NUMBER, text, at);
  if (!number || LETTER.test(text.charAt(at - 1) || ' ')) return null;
  let value = Number(comma ? number.replace(',', '.') : number.replace(/,/g, ''));
  let end = at + number.length;
  const ordinal = matchAt(ORDINAL, text, end);
  const multiplier = ordinal ? null : matchAt(MULTIPLIER, text, end);
  if (ordinal) end += ordinal.length;
  else if (multiplier) {
    value *= SUFFIX[multiplier] ?? 1;
    end += multiplier.length;
  }
  return { end, value, ordinal: ordinal !== null };
}

export function tokenize(written: string): Token[] {
  const text = plainText(written);
  const tokens: Token[] = [];
  let at = 0;
  const push = (kind: TokenKind, start: number, end: number, value = Number.NaN, ordinal = false) => {
    const piece = text.slice(start, end);
    // A code span's own start is its opening backtick.
    const from = kind === 'code' ? start - 1 : start;
    tokens.push({ kind, text: piece, lower: piece.toLowerCase(), start, end, value, ordinal, spaced: from === 0 || BLANK.test(text.charAt(from - 1)) });
  };
  while (at < text.length) {
    const char = text.charAt(at);
    // Each pattern is tried only where it can match: a letter starts no space, code span or number.
    const letter = (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
    const space = letter ? null : matchAt(SPACE, text, at);
    if (space) {
      at += space.length;
      continue;
    }
    if (char === '`') {
      const close = text.indexOf('`', at + 1);
      if (close > at) {
        push('code', at + 1, close);
        at = close + 1;
        continue;
      }
    }
    const digit = (char >= '0' && char <= '9') || char === '.';
    // Identifiers that start with digits: status classes and status pairs.
    const identifier = digit ? (matchAt(STATUS_CLASS, text, at) ?? matchAt(STATUS_PAIR, text, at) ?? matchAt(STATUS_PLURAL, text, at)) : null;
    if (identifier) {
      push('word', at, at + identifier.length);
      at += identifier.length;
      continue;
    }
    const number = digit ? numberAt(text, at) : null;
    if (number) {
      push('number', at, number.end, number.value, number.ordinal);
      at = number.end;
      continue;
    }
    const dollar = foreignDollar(text, at);
    const wordEnd = dollar ? -1 : asciiWordEnd(text, at);
    const word = wordEnd >= 0 ? wordEnd : dollar ? at : at + (matchAt(WORD, text, at)?.length ?? 0);
    // "Precision@20", "NDCG@10": a measure at a cut-off is one name.
    const end = word > at ? word + (matchAt(AT_CUTOFF, text, word)?.length ?? 0) : word;
    if (end > at) {
      push('word', at, end);
      at = end;
      continue;
    }
    const symbol = dollar ?? SYMBOLS.find((candidate) => text.startsWith(candidate, at)) ?? String.fromCodePoint(text.codePointAt(at) ?? 32);
    push('symbol', at, at + symbol.length);
    at += symbol.length;
  }
  return tokens;
}
