/** Headings that decide nothing: a criterion that does not gate, a state to watch, a decision in the middle. */
import { MIDDLE_DECISIONS, NON_GATING } from '../lexicon.ts';
import { joinTokens } from '../metric-text.ts';
import type { Token } from '../tokenize.ts';

// Labels that say a state to watch, neither going ahead nor rolling back: "Warning:", "At risk:", "Off track:".
export const WATCHING =
  /^(?:warning|warning sign|early warning|watch|watchlist|at[ -]risk|off[ -]track|needs work|needs attention|needs improvement|concern|concerns|concerning|threshold for concern|rethink|revisit|re-?evaluate|review|trigger for review|investigate|caution|orange|status amber|inconclusive|mixed|extend pilot|go ?\/ ?no-go|scale down|alert|page|watch item|warning (?:threshold|level|only)|track|observe|report on|(?:nearly|almost|approaching|close to|near) [a-z-]+)$/;

/**
 * Why a heading decides nothing: a criterion that does not gate ("Soft target:"), a state to watch ("Warning:"), or,
 * with `decisions`, a decision in the middle ("Iterate:").
 */
export function undecidedHeading(words: readonly Token[], decisions = true): string | null {
  const shown = joinTokens(words);
  const lower = words.map((token) => token.lower);
  if (lower[0] === 'not' || lower.some((word) => NON_GATING.has(word))) return `the heading \`${shown}\` says the criterion does not gate the decision; move it out of the list, or drop the heading`;
  if ((decisions && lower.some((word) => MIDDLE_DECISIONS.has(word))) || WATCHING.test(lower.join(' ')))
    return `the heading \`${shown}\` names neither going ahead nor rolling back; move the criterion out of the list, or under the heading it decides`;
  return null;
}
