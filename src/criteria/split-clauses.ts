/** Splits a bullet into clauses at "and", "or", ";" and "," where both sides state a threshold. */
import { statesThreshold } from './finders/comparison.ts';
import { DEFINING, MEASURED, PERIOD_LINKS } from './lexicon.ts';
import type { Token } from './tokenize.ts';

/** Splits at "and", "or", ";" and "," where both sides state a threshold, and says which joints it split at. */
export function splitClauses(tokens: Token[]): { clauses: Token[][]; or: boolean; and: boolean } {
  const joints: Array<{ index: number; width: number; or: boolean }> = [];
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    if (token.text === '(') depth++;
    if (token.text === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const between = tokens.slice(Math.max(0, index - 6), index).some((each) => each.lower === 'between');
    if ((token.lower === 'and' && !between) || token.text === ';' || token.lower === 'or' || token.text === ',' || (token.text === '&' && tokens[index + 1]?.text === '&')) {
      const width = (token.text === ';' || token.text === ',') && ['and', 'or'].includes(tokens[index + 1]?.lower ?? '') ? 2 : 1;
      joints.push({ index, width, or: token.lower === 'or' || tokens[index + 1]?.lower === 'or' });
    }
  }
  const clauses: Token[][] = [];
  let from = 0;
  let or = false;
  let and = false;
  joints.forEach((joint, position) => {
    const next = joints[position + 1];
    const left = tokens.slice(from, joint.index);
    const right = tokens.slice(joint.index + joint.width, next ? next.index : tokens.length);
    const quantified = (part: Token[]) => ['no', 'zero', 'all', 'every', 'none', 'any'].includes(part.find((token) => token.kind !== 'symbol')?.lower ?? '');
    // "95% crash-free, 0 P0 bugs": after a comma, a part that starts with its value and names what it is of.
    const valued = (part: Token[]) =>
      joint.or === false && tokens[joint.index]?.text === ',' && part.find((token) => token.kind !== 'symbol')?.kind === 'number' && part.some((token) => token.kind === 'word');
    const stated = (part: Token[]) => statesThreshold(part) || quantified(part) || valued(part);
    // "…, measured over 1 hour", "…, p90 measured over 4 weeks", "…, on average over 7 days": how the figure before is
    // taken, not a second claim; "…, measured by synthetic checks over 30 days" is left for the word account to report.
    // ", as measured over 30 days" is the same as ", measured over 30 days".
    const words = right.filter((token, index) => token.kind === 'word' && !/^p\d{2}$/i.test(token.text) && !['on', 'in'].includes(token.lower) && !(index === 0 && token.lower === 'as'));
    const participle = (token: Token | undefined) => MEASURED.has(token?.lower ?? '') || /^[a-z]{4,}ed$/.test(token?.lower ?? '');
    const taken = (list: Token[]) => participle(list[0]) && PERIOD_LINKS.has(list[1]?.lower ?? '');
    // "Measured over 2 weeks, wait time ≤ 20 min": the same, before the threshold.
    const leftWords = left.filter((token) => token.kind === 'word');
    if (MEASURED.has(words[0]?.lower ?? '') || DEFINING.has(words[0]?.lower ?? '') || taken(words) || (position === 0 && taken(leftWords))) return;
    if (stated(left) && stated(right) && !(quantified(left) && statesThreshold(left) === false && joint.or)) {
      clauses.push(left);
      from = joint.index + joint.width;
      or ||= joint.or;
      and ||= !joint.or;
    }
  });
  clauses.push(tokens.slice(from));
  return { clauses, or, and };
}
