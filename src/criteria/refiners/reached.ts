/** "99.9% uptime achieved": a level said to be reached, by a verb that ends the bullet after the name. */
import { REACHED } from '../lexicon-counts.ts';
import type { Token } from '../tokenize.ts';

/**
 * The tokens without a closing "achieved", "met" or "maintained" after a name that counts nothing, where a figure comes
 * before it: the bullet states the level. "Milestones achieved ≥ 5" counts the ones reached, and "ROI achieved within
 * 6 months" says when; both keep the word.
 */
export function refineReached(tokens: Token[]): Token[] {
  const end = tokens.findLastIndex((token) => !(token.kind === 'symbol' && ['.', '!'].includes(token.text)));
  const verb = tokens[end];
  const before = tokens[end - 1];
  if (!verb || !REACHED.has(verb.lower) || before?.kind !== 'word' || /s$/.test(before.lower)) return tokens;
  return tokens.slice(0, end).some((token) => token.kind === 'number') ? tokens.slice(0, end) : tokens;
}
