/** "Fill rate falls to 60-70%": a band after a change, which may be where the level lands or how far it moves. */
import type { Clause } from '../clause.ts';
import type { Threshold } from '../finders/threshold.ts';
import { CHANGE_DOWN, CHANGE_UP } from '../lexicon.ts';
import { LANDING } from '../lexicon-counts.ts';

// Links to a band that say it is reached: "slides to 60-70%", "desciende a", "chute à", "fällt auf".
const REACHING = new Set(['to', 'a', 'à', 'auf', 'into']);

/** Why a band after a change, or after a verb of landing ("lands at 90-95%"), is no level the reading can hold. */
export function bandChange(clause: Clause, threshold: Threshold, metric: string): string | null {
  if (!threshold.between) return null;
  const link = clause.tokens[threshold.quantity.start - 1]?.lower ?? '';
  const landed = ['at', 'in', 'within'].includes(link) && LANDING.has(clause.tokens[threshold.quantity.start - 2]?.lower ?? '');
  const words = metric.split(' ');
  const changing = (word: string) => CHANGE_UP.has(word.toLowerCase()) || CHANGE_DOWN.has(word.toLowerCase());
  // "NPS ends between 30 and 40": the verb ends the name; "End users" names them.
  if (!REACHING.has(link) && !landed && !words.some(changing) && !LANDING.has(words.at(-1)?.toLowerCase() ?? '')) return null;
  const moving = (word: string, at: number) => changing(word) || REACHING.has(word.toLowerCase()) || (at > 0 && LANDING.has(word.toLowerCase()));
  // The name without the verb and its link: "fill rate lands" names the fill rate.
  const cut = words.findIndex(moving);
  const named = cut > 0 ? words.slice(0, cut).join(' ') : metric;
  const { start, value, upper, unit } = threshold.quantity;
  const said = clause.tokens
    .slice(Math.max(0, start - 2), start)
    .map((token) => token.text)
    .join(' ');
  return `a band after \`${said}\` may be where \`${named}\` lands or how far it moves; write the level alone, such as "${named} between ${value} and ${upper}${unit ?? ''}"`;
}
