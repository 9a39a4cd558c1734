/** Where a comparison's lead ends at a word the name owns: a verb's particle, a noun that looks like a verb. */
import { CHANGE_DOWN, CHANGE_EITHER, CHANGE_UP, MODALS, NEGATIONS } from '../lexicon.ts';
import { PARTICLE_VERBS, RISING_OR_STUCK } from '../lexicon-counts.ts';
import { HOLDS_OR_STAYS, holdsOrStaysNoun, stayOrHoldNoun } from '../metric-text.ts';
import type { Token } from '../tokenize.ts';

// Words after which "stay" or "hold" in a lead is a verb: "must stay", "never hold".
const VERB_LEADS: ReadonlySet<string> = new Set([...MODALS, ...NEGATIONS]);

/**
 * Whether the word at `lead` ends the lead: "Orders backed up > 100" (a verb's particle before a sign, no rise), "Nightly
 * runs ≥ 95% successful" (after how often, runs are counted). Where "up" or "down" may be a rise or a level ("picked
 * up", "held up", "stays up", "drops down below"), the change is marked unknown and the bullet reported.
 */
export function namesOwnWord(view: readonly Token[], lead: number, threshold: { unknownChange?: string }): boolean {
  const word = view[lead]?.lower ?? '';
  const before = view[lead - 1]?.lower ?? '';
  const sign = view[lead + 1]?.kind === 'symbol';
  const particle = (word === 'up' || word === 'down') && (PARTICLE_VERBS.has(before) || RISING_OR_STUCK.has(before));
  // Before a sign, "stays up" or "drops down" is neither a sure level nor a change; "goes up by 10%", "run down to < £10,000"
  // and "goes up above 2%" say which, and "drops down below 2%" may still be a fall.
  const changing = CHANGE_UP.has(before) || CHANGE_DOWN.has(before) || CHANGE_EITHER.has(before);
  const moved = (word === 'up' || word === 'down') && !particle && (MODALS.has(before) || changing) && (sign || (changing && ['below', 'above'].includes(view[lead + 1]?.lower ?? '')));
  if ((particle || moved) && !(PARTICLE_VERBS.has(before) && sign)) threshold.unknownChange = word;
  // Before a sign, "kept" may name the items or say they are kept below it ("Items kept ≥ 70%"); after a name with no
  // measure, so may "holds" or "stays" ("Account holds ≤ 200 per week", "Hotel stays above 20%"; see holdsOrStaysNoun).
  const nounHolds = lead > 0 && HOLDS_OR_STAYS.has(word) && holdsOrStaysNoun(view.slice(0, lead), word, view[lead + 1]);
  if ((word === 'kept' && sign && lead > 0 && !MODALS.has(before)) || nounHolds) threshold.unknownChange = word;
  // "Median stay ≤ 4 days", "Orders on hold > 500".
  const noun = lead > 0 && stayOrHoldNoun(word, before, VERB_LEADS);
  return particle || moved || noun || (/^runs?$/.test(word) && /ly$/.test(view[lead - 1]?.lower ?? ''));
}
