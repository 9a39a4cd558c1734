/** Finds the scale a score is given on in words: "on a scale of 1-4", "on a 5-point scale", "on a 1 to 5 scale". */
import { NUMBER_WORDS } from '../lexicon.ts';
import { numberAt, wordsAt } from '../quantity.ts';
import type { Found } from '../reading.ts';
import type { Token } from '../tokenize.ts';

/** "1-4", "1 to 5", "from 0 to 10": the top of a range that starts at 0 or 1, and where it ends. */
function rangeTop(tokens: readonly Token[], index: number): { top: number; end: number } | null {
  const at = tokens[index]?.lower === 'from' ? index + 1 : index;
  const low = numberAt(tokens, at, false);
  if (!low || (low.value !== 0 && low.value !== 1)) return null;
  const joint = tokens[low.end];
  if (!joint || !['-', '–', '—', 'to'].includes(joint.lower)) return null;
  const high = numberAt(tokens, low.end + 1, false);
  return high && high.value > low.value ? { top: high.value, end: high.end } : null;
}

/** "5-point", "five-point", "5 point": the size of a scale written as its points. */
function pointsTop(tokens: readonly Token[], index: number): { top: number; end: number } | null {
  const word = /^([a-z]+)-point$/.exec(tokens[index]?.lower ?? '')?.[1];
  if (word && NUMBER_WORDS[word] !== undefined) return { top: NUMBER_WORDS[word] ?? 0, end: index + 1 };
  const number = numberAt(tokens, index, false);
  if (!number) return null;
  const at = tokens[number.end]?.text === '-' ? number.end + 1 : number.end;
  return tokens[at]?.lower === 'point' ? { top: number.value, end: at + 1 } : null;
}

/** The scale a score is rated on, written in words after it; its top is the criterion's scale. */
export function findScale(tokens: readonly Token[]): Found<number> | null {
  for (let index = 0; index < tokens.length; index++) {
    if (!wordsAt(tokens, index, ['on', 'a'])) continue;
    // "on a scale of 1-4", "on a scale from 1 to 5"
    if (tokens[index + 2]?.lower === 'scale') {
      const range = rangeTop(tokens, index + 3 + (tokens[index + 3]?.lower === 'of' ? 1 : 0));
      if (range) return { start: index, end: range.end, value: range.top };
    }
    // "on a 5-point scale", "on a 1-5 scale"
    const size = pointsTop(tokens, index + 2) ?? rangeTop(tokens, index + 2);
    if (size && tokens[size.end]?.lower === 'scale') return { start: index, end: size.end + 1, value: size.top };
  }
  return null;
}
