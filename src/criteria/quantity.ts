import type { Unit } from '../schemas/criterion-schema.ts';
import { EDGES, NUMBER_WORDS, SCALE_WORDS, TIME_NAMES_SET, words } from './lexicon.ts';
import type { Token } from './tokenize.ts';
import { CURRENCIES, CURRENCY_SIGNS, unitOf } from './units.ts';

// Things counted by number: "Phase 2 – 30%", "Store 12 – 98% accuracy".
const PERIODS = words('sprint phase wave stage step cohort release visit term semester season period cycle batch pilot ward store site clinic region arm');
const singularOf = (word: string) => word.replace(/s$/, '');
// Words a score's scale may come before: "8/10 rating", "CSAT 4/5".
// Nouns of people that take no plural "s": "≥ 4/5 staff".
const PEOPLE = words('staff people personnel team crew workforce');
// Words before a fraction of people: "from ≥ 2/3 pilot users", "by ≥ 3/4 users".
const FRACTION_LEADS = words('from by among of von de des der');
const SCORE_WORDS = words('rating ratings rated score scores stars satisfaction csat nps likert');
// Words of a rate or a count, whose figure over a slash is no score even with a fraction of its own.
const UNSCORED = words('rate rates ratio share errors defects failures incidents bugs crashes complaints');

/** A number as written, with where it ends. */
export interface NumberRead {
  value: number;
  end: number;
  ordinal: boolean;
  /** True when spelled as a word ("two"), false for digits. */
  word: boolean;
}

/** A number and its unit: "300 ms", "$20K", "4.2/5", "2–4 s", "200+". */
export interface Quantity {
  start: number;
  end: number;
  value: number;
  upper: number | null;
  unit: Unit | null;
  scale: number | null;
  /** Written with a trailing `+` ("200+"): at least. */
  plus: boolean;
  /** The token that carries the value, to tell digits from number words. */
  word: boolean;
}

const lowerAt = (tokens: readonly Token[], index: number): string => tokens[index]?.lower ?? '';

/** Whether the words from `index` on are `words`, in order. */
export function wordsAt(tokens: readonly Token[], index: number, words: readonly string[]): boolean {
  return words.every((word, offset) => lowerAt(tokens, index + offset) === word);
}

/** A number at `index`: digits, or a number word ("two", "a dozen", "a single"). */
export function numberAt(tokens: readonly Token[], index: number, words = true): NumberRead | null {
  const token = tokens[index];
  if (!token) return null;
  if (token.kind === 'number') return { value: token.value, end: index + 1, ordinal: token.ordinal, word: false };
  if (!words || token.kind !== 'word') return null;
  // "a dozen", "a single", "a pair of", "an hour" is a time and read elsewhere.
  if ((token.lower === 'a' || token.lower === 'one') && ['dozen', 'single', 'pair', 'couple'].includes(lowerAt(tokens, index + 1))) {
    const next = lowerAt(tokens, index + 1);
    return { value: next === 'dozen' ? 12 : next === 'single' ? 1 : 2, end: index + (wordsAt(tokens, index + 2, ['of']) ? 3 : 2), ordinal: false, word: true };
  }
  const value = NUMBER_WORDS[token.lower];
  if (value === undefined || token.lower === 'pair') return null;
  // "two dozen": a number word times a dozen.
  if (lowerAt(tokens, index + 1) === 'dozen' && value < 100) return { value: value * 12, end: index + 2, ordinal: false, word: true };
  // "two hundred", "five thousand".
  // "twenty five", "two hundred fifty", "one thousand five hundred": the words add up.
  let total = 0;
  let part = value;
  let end = index + 1;
  for (;;) {
    const next = lowerAt(tokens, end);
    const more = NUMBER_WORDS[next];
    if ((next === 'hundred' || next === 'thousand') && part < 1000) {
      part *= next === 'hundred' ? 100 : 1000;
      if (next === 'thousand') {
        total += part;
        part = 0;
      }
    } else if (more !== undefined && more > 0 && more < 100 && next !== 'pair' && next !== 'single' && next !== 'dozen' && (part === 0 || part % 10 === 0) && more < (part % 100 === 0 ? 100 : 10))
      part += more;
    else break;
    end++;
  }
  return { value: total + part, end, ordinal: false, word: true };
}

/** A unit at `index`, of one or two words ("percentage points", "business days"), or null. */
export function unitAt(tokens: readonly Token[], index: number): { unit: Unit; end: number } | null {
  const first = tokens[index];
  if (!first || first.kind === 'number' || first.kind === 'code') return null;
  const second = tokens[index + 1];
  if (second?.spaced && second.kind === 'word') {
    const two = unitOf(`${first.lower} ${second.lower}`);
    if (two) return { unit: two, end: index + 2 };
  }
  const one = unitOf(first.lower);
  // `m`, `w` and `x` alone are units only right after their number ("5m", "2x"); "5 m" could be metres.
  if (!one || (['m', 'w', 'x'].includes(first.lower) && first.spaced)) return null;
  // "100 Mb" is megabits, which the reader has no unit for.
  if (/^[kmgt]b$/i.test(first.text) && first.text.endsWith('b') && first.text !== 'b') return null;
  // "2 times a week" counts occasions; only "2 times the baseline" is a multiple.
  if (first.lower === 'times' && ['a', 'an', 'per', 'each', 'every', 'in', 'daily', 'weekly'].includes(lowerAt(tokens, index + 1))) return null;
  return { unit: one, end: index + 1 };
}

/** The unit a word in capitals spells ("USD", "EUR", "MIN"), or "Rs", or null; a currency code only where `CURRENCIES` holds it. */
export const codeUnit = (token: Token | undefined): Unit | null => (token?.kind === 'word' && (/^[A-Z]{3}$/.test(token.text) || token.text === 'Rs') ? unitOf(token.text) : null);

/** The top of a score's scale after "/" or "out of" at `at`: small ("4.2/5", "8 out of 10"), and no fraction of things. */
function scaleAt(tokens: readonly Token[], index: number, at: number, value: number): NumberRead | null {
  const top = numberAt(tokens, at + (tokens[at]?.text === '/' ? 1 : 2), false);
  // A larger number after a slash is a rate.
  if (!top || top.value <= 0 || top.value > 10 || top.value < value - 1e-9) return null;
  // "≥ 2/3 pilot users", "2/3 der Pilotnutzer": before a noun, a fraction of them, unless a score is named on either side;
  // before a plural ("≥ 4/5 clinicians") or after "from"/"by" ("from ≥ 2/3 pilot users") whatever else is named.
  const after = tokens[top.end];
  const scored = [...tokens.slice(0, index), ...tokens.slice(top.end)].some((token) => SCORE_WORDS.has(token.lower));
  const among = [tokens[index - 1], tokens[index - 2]].some((token) => FRACTION_LEADS.has(token?.lower ?? ''));
  const noun = after?.kind === 'word' && after.spaced && !EDGES.has(after.lower) && !SCORE_WORDS.has(after.lower);
  if (noun && (!scored || among || /[^s]s$/.test(after.lower) || PEOPLE.has(after.lower))) return null;
  // With no score named, "4/5" may be a score or four in five of something ("Kappa ≥ 4/5", "Staff trained ≥ 4/5"):
  // refused, unless the figure has a fraction of its own ("3.5/5") and no rate or count is named ("Error rate ≤ 0.5/10").
  // "Testers rate ≥ 3/5" may be "the testers' rate" too; "Clinicians rate usefulness ≥ 4/5" rates something.
  const rating = tokens
    .slice(0, index)
    .some((token, at) => token.lower === 'rate' && /s$/.test(tokens[at - 1]?.lower ?? '') && /^(?:the|a|an|their|its|this|our|\w+(?:ness|ity))$/.test(tokens[at + 1]?.lower ?? ''));
  const counted = !rating && tokens.slice(0, index).some((token) => UNSCORED.has(token.lower));
  const decimal = !Number.isInteger(value) || /[.,]\d/.test(tokens[index]?.text ?? '');
  return scored || rating || (decimal && !counted) ? top : null;
}

/**
 * A quantity at `index`: an optional currency sign, a number, an optional unit, and what can follow
 * it: a scale ("/5", "out of 5"), a range ("–4 s", "to 4"), a `+`.
 */
export function quantityAt(tokens: readonly Token[], index: number, words = true): Quantity | null {
  let at = index;
  let unit: Unit | null = null;
  const sign = tokens[at];
  // "$500", and a currency code before its number: "USD 40", "EUR 2,000", "Rs 10,000".
  const code = codeUnit(sign);
  if ((sign?.kind === 'symbol' && CURRENCY_SIGNS.has(sign.text)) || (code && CURRENCIES.has(code) && tokens[at + 1]?.kind === 'number')) {
    unit = unitOf(sign?.text ?? '');
    at++;
  }
  const number = numberAt(tokens, at, words);
  if (!number) return null;
  at = number.end;
  // "$1.2 million", "5 thousand users", "2 million dollars": a scale word after digits multiplies them.
  const scaled = SCALE_WORDS[tokens[at]?.lower ?? ''];
  if (scaled && tokens[at]?.spaced && tokens[at - 1]?.kind === 'number') {
    number.value *= scaled;
    at++;
  }
  const ownUnit = unitAt(tokens, at);
  if (ownUnit && !unit) {
    unit = ownUnit.unit;
    at = ownUnit.end;
  }
  let upper: number | null = null;
  let scale: number | null = null;
  let plus = false;
  let next = tokens[at];
  if (next?.text === '+' && !next.spaced) {
    plus = true;
    at++;
    // "7+/10": at least, on a scale.
    next = tokens[at];
  }
  if ((next?.text === '/' || wordsAt(tokens, at, ['out', 'of'])) && unit === null) {
    const top = scaleAt(tokens, index, at, number.value);
    if (top) {
      scale = top.value;
      at = top.end;
    }
  } else if (next && (next.text === '–' || (next.text === '—' && !next.spaced) || next.text === '-' || next.lower === 'to')) {
    // A spaced em dash parts a name from its value ("Week 1 — 10%"); it joins no range.
    const high = numberAt(tokens, at + 1, false);
    if (high && high.value > number.value) {
      const highUnit = unitAt(tokens, high.end);
      // "Month 3 – 40% retention", "Week 2 - 10%": a period's number before a figure with a unit is no range's low end.
      const named = TIME_NAMES_SET.has(singularOf(tokens[index - 1]?.lower ?? '')) || PERIODS.has(tokens[index - 1]?.lower ?? '');
      // "per month 2–3%" is a range of a monthly figure; "Day 30 – 5,000 DAU" a day's target.
      const counted = named && !['per', 'a', 'an', 'each', 'every'].includes(tokens[index - 2]?.lower ?? '');
      const period = unit === null && counted && (highUnit !== null || (next.spaced && tokens[at + 1]?.spaced === true));
      if (!period && (!highUnit || unit === null || highUnit.unit === unit)) {
        upper = high.value;
        unit ??= highUnit?.unit ?? null;
        at = highUnit ? highUnit.end : high.end;
      }
    }
  }
  return { start: index, end: at, value: number.value, upper, unit, scale, plus, word: number.word };
}
