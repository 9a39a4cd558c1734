import { DENOMINATORS, NUMBER_WORDS, SCALES } from '../lexicon.ts';
import type { Token } from '../tokenize.ts';

const numberOf = (token: Token | undefined): number | null => {
  if (!token) return null;
  if (token.kind === 'number' && !token.ordinal) return token.value;
  if (token.lower === 'a' || token.lower === 'an') return 1;
  return NUMBER_WORDS[token.lower] ?? null;
};

/** A number token standing where words were, spanning them, so positions in the text still hold. */
function numberToken(from: Token, to: Token, value: number): Token {
  const text = String(Math.round(value * 100) / 100);
  return { kind: 'number', text, lower: text, start: from.start, end: to.end, value, ordinal: false, spaced: from.spaced };
}

/**
 * Refines number words into numbers where the grammar reads a share or a rate: "two thirds of" becomes
 * 66.67 `%` of (the exact share, 200/3), "2/3 of" the same, "half of" 50 `%` of, "by a third" a change of 33.33 `%`, and "one in five" the rate 1 in 5. Words
 * elsewhere ("two consecutive checks") are left to the readers that know them.
 */
export function refineFractions(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const numerator = numberOf(token);
    // Most words are no number and no "half": nothing below applies to them.
    if (numerator === null && token.kind !== 'number' && token.lower !== 'half') {
      out.push(token);
      continue;
    }
    const next = tokens[index + 1];
    // "two thirds of", "a quarter of", "three quarters of".
    const denominator = next ? DENOMINATORS[next.lower] : undefined;
    // "reduced by a third", "cut by two thirds": after "by", a fraction is the size of a change.
    const changeBy = tokens[index - 1]?.lower === 'by';
    if (denominator !== undefined && numerator !== null && numerator < denominator && next && (tokens[index + 2]?.lower === 'of' || changeBy)) {
      out.push(numberToken(token, next, (100 * numerator) / denominator), { ...next, kind: 'symbol', text: '%', lower: '%', spaced: false });
      index++;
      continue;
    }
    // "2/3 of the members", "3/4 of staff": a fraction in digits; "8/10 average satisfaction" is a score, with no "of".
    const over = tokens[index + 2];
    if (token.kind === 'number' && next?.text === '/' && !next.spaced && over?.kind === 'number' && !over.spaced && tokens[index + 3]?.lower === 'of') {
      if (Number.isInteger(token.value) && Number.isInteger(over.value) && token.value > 0 && token.value < over.value) {
        out.push(numberToken(token, over, (100 * token.value) / over.value), { ...over, kind: 'symbol', text: '%', lower: '%', start: over.end, spaced: false });
        index += 2;
        continue;
      }
    }
    // "half of users".
    if (token.lower === 'half' && (next?.lower === 'of' || tokens[index - 1]?.lower === 'by')) {
      out.push(numberToken(token, token, 50), { ...token, kind: 'symbol', text: '%', lower: '%', start: token.end, spaced: false });
      continue;
    }
    // "one in five orders", "one in five hundred orders": both sides as numbers, so the rate reader takes them.
    const after = tokens[index + 2];
    const per = after && after.lower !== 'a' ? numberOf(after) : null;
    if (token.kind === 'word' && numerator !== null && next?.lower === 'in' && after && per !== null) {
      const scale = SCALES[tokens[index + 3]?.lower ?? ''];
      const last = scale === undefined ? after : (tokens[index + 3] as Token);
      out.push(numberToken(token, token, numerator), next, after.kind === 'number' && scale === undefined ? after : numberToken(after, last, per * (scale ?? 1)));
      index += scale === undefined ? 2 : 3;
      continue;
    }
    out.push(token);
  }
  return out;
}
