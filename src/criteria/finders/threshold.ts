/**
 * Finds a clause's threshold: the comparison and its quantity ("< 300 ms", "no more than a dozen",
 * "between 150 and 250 ms", "3 or fewer", "200+"), the words that lead it ("should not", "must stay")
 * and what they say: a negation, a change's direction, the time of a verb ("return within 30 s").
 */
import type { Clause } from '../clause.ts';
import { isIdentifierNumber } from '../identifier-number.ts';
import {
  CHANGE_ADJECTIVES,
  CHANGE_BAD,
  CHANGE_DOWN,
  CHANGE_EITHER,
  CHANGE_GOOD,
  CHANGE_UP,
  CHANGING_FIGURES,
  MEASURES,
  MODALS,
  NEGATIONS,
  SYMBOL_COMPARATORS,
  TIME_VERBS,
  WORDS_AFTER,
  words,
} from '../lexicon.ts';
import { CHANGES } from '../lexicon-counts.ts';
import { changePolarity, headPolarity } from '../metric-polarity.ts';
import { joinTokens as join } from '../metric-text.ts';
import { type Quantity, quantityAt, wordsAt } from '../quantity.ts';
import type { Baseline, Op } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { isTimeUnit } from '../units.ts';
import { changeBefore, changeDirection, changeVerbBefore } from './baseline.ts';
import { comparisonAt, FLIP, quantityStart } from './comparison.ts';
import { namesOwnWord } from './own-word.ts';

// Verbs of a change that, before a word of place, state the level reached: "rises above 2%", "grew beyond 1,000".
const LEVEL_VERBS = words('rises falls drops dips sinks climbs goes fell rose grew shrank sank risen fallen grown shrunk down up increases decreases grows shrinks declines declined');
// Past tenses of a change the direction lists leave out, as each is also a state ("declined payments", "slipped dates").
const PAST_MOVES = words('declined plunged plummeted soared slipped slid tanked contracted collapsed ballooned receded eased escalated dwindled');
// Verbs of moving up, after which "over" is the level passed: "climbed over 500 ms".
const CLIMBING = words('climbs climbed rose risen jumped surged spiked');
// Words of place after such a verb: "reduced below 1%", "grew higher than 500 ms", "climbed past 1,000".
const LEVEL_PLACES = words('below above beneath under to beyond past higher lower longer shorter greater');
/** Whether a change word after this noun is a verb of it: a measure or a business figure changes ("error rate up", "sales fall"). */
const changeable = (noun: string) => MEASURES.test(noun) || CHANGING_FIGURES.test(noun);

/** A threshold as found: the later readers fill in what it leaves open (a baseline's `op`, for one). */
export interface Threshold {
  op: Op | null;
  quantity: Quantity;
  /** Where the comparison, with the words that lead it, starts: the metric ends before it. */
  opStart: number;
  between: boolean;
  /** A change's direction written before the comparison: "should not increase by more than 5%". */
  preChange: Baseline['direction'] | null;
  /** What a time verb makes the metric: "return within 30 s" measures their time. */
  timeOf: string | null;
}

/** The words before a comparison at `index` that belong to it, and what they say; returns where they start. */
function comparisonLead(
  clause: Clause,
  view: readonly Token[],
  index: number,
  found: Quantity,
  threshold: { negated: boolean; preChange: Baseline['direction'] | null; timeOf: string | null; unknownChange?: string; unclearBetter?: string },
): number {
  // "holds steady above 80%": after a verb of staying, "steady" says the level stays, as the verb does.
  const steady = (at: number) => ['steady', 'steadily', 'stable'].includes(view[at]?.lower ?? '') && MODALS.has(view[at - 1]?.lower ?? '');
  // "Failed payroll runs ≥ 2": before a sign, "runs" is the thing counted; "runs above 2%" says how it stands.
  const counted = (at: number, word: string) => ['run', 'runs'].includes(word) && SYMBOL_COMPARATORS[view[at + 1]?.text ?? ''] !== undefined;
  const isLead = (at: number, word: string) => (MODALS.has(word) && !counted(at, word)) || NEGATIONS.has(word) || CHANGES.has(word) || steady(at);
  let lead = index - 1;
  while (lead >= 0 && !clause.used[lead] && isLead(lead, view[lead]?.lower ?? '')) {
    const word = view[lead]?.lower ?? '';
    // "Handle time down at least 10%" is a change; "more" or "below" before a comparison is not one it can read;
    // "Cost per drop", "errors per change": after "per" the word is what the rate counts in.
    if ((CHANGE_ADJECTIVES.has(word) && view[lead + 1]?.lower !== 'by') || view[lead - 1]?.lower === 'per' || namesOwnWord(view, lead, threshold)) break;
    // "length of stay ≤ 4.5 days": after "of" the word is a noun; "reduced to 90%" is a level, not a change;
    // "Each ward: falls < 2 per month": with no other word to name the metric, the word is the metric.
    const named = view.slice(0, lead).some((token, at) => !clause.used[at] && token.kind === 'word' && at > clause.tokens.map((each) => each.text).lastIndexOf(':'));
    const changes = CHANGES.has(word);
    if (view[lead - 1]?.lower === 'of' || view[lead + 1]?.lower === 'to' || (!named && changes)) break;
    // "Complaints per price change under 5": the change may be what the rate counts in ("per order drops below" moves).
    if (changes && view[lead - 2]?.lower === 'per' && !/(?:s|ed)$/.test(word) && view[lead + 1]?.lower !== 'by') threshold.unknownChange = word;
    // "Card declines under 3%", "calls picked up within 20 s": after a noun that is no measure, the word may be the metric's own.
    const noun = view[lead - 1];
    const nounLike = /s$/.test(word) || word === 'up' || word === 'down';
    if (changes && nounLike && view[lead + 1]?.lower !== 'by' && noun?.kind === 'word' && !clause.used[lead - 1] && !changeable(noun.lower) && !MODALS.has(noun.lower) && !NEGATIONS.has(noun.lower))
      threshold.unknownChange = word;
    // "Time down > 10 min": the time the service is down, or a time down by more than 10 minutes.
    if (word === 'down' && noun?.lower === 'time' && lead === 1 && view[lead + 1]?.lower !== 'by') threshold.unknownChange = word;
    // "reduced below 1%", "rises above 2%", "down below 5%": a change word before a word of place states a level.
    const verb = /ed$/.test(word) || LEVEL_VERBS.has(word);
    // "grew higher than 500 ms", "climbed past 1,000", "climbed over 500 ms": a level crossed; "increases over 25%" is a change.
    const crossed = LEVEL_PLACES.has(view[index]?.lower ?? '') || (view[index]?.lower === 'over' && CLIMBING.has(word));
    const level = verb && crossed && lead + 1 === index;
    if (NEGATIONS.has(word)) threshold.negated = true;
    // "Conversion improves at least 5%", "error rate worsens by more than 10%": which way is better decides the direction.
    if (CHANGE_GOOD.has(word) || CHANGE_BAD.has(word)) {
      const before = view.slice(0, lead).filter((token, at) => !clause.used[at] && token.kind === 'word');
      const direction = changeDirection(word, changePolarity(join(before)));
      if (direction === 'unknown' || direction === null) Object.assign(threshold, { unknownChange: word, unclearBetter: join(before) });
      else threshold.preChange = direction;
    }
    // "should not increase by more than 5%", "CTR drops >5%", "sales fall more than 5%": a change, with its direction.
    if (CHANGE_EITHER.has(word) && !level) threshold.preChange = 'either';
    if ((CHANGE_UP.has(word) || CHANGE_DOWN.has(word)) && !level) threshold.preChange = CHANGE_UP.has(word) ? 'increase' : 'decrease';
    // "Patients whose score rose ≥ 60%": the change is each one's, in a clause of the name, not the metric's.
    if (threshold.preChange && view.slice(0, lead).some((token) => ['whose', 'who', 'which', 'that', 'where'].includes(token.lower))) threshold.unknownChange = word;
    lead--;
  }
  // "Revenue plunged by more than 20%", "declined more than 10%": a change whose direction no list gives; before a sign
  // ("Payments declined > 2%") the word names what is counted.
  const stopped = view[lead]?.lower ?? '';
  if (PAST_MOVES.has(stopped) && (view[lead + 1]?.lower === 'by' || (lead + 1 === index && view[index]?.kind === 'word'))) threshold.unknownChange = stopped;
  return timeVerbLead(clause, view, index, found, threshold, lead) + 1;
}

/** "Log queries should return within 30 seconds": what is measured is their time. Where the lead ends, past the verb. */
function timeVerbLead(clause: Clause, view: readonly Token[], index: number, found: Quantity, threshold: { negated: boolean; timeOf: string | null }, from: number): number {
  let lead = view[from]?.lower === 'in' && TIME_VERBS[view[from - 1]?.lower ?? ''] !== undefined ? from - 1 : from;
  const verb = view[lead];
  if (
    !verb ||
    clause.used[lead] ||
    view[lead - 1]?.lower === 'per' ||
    TIME_VERBS[verb.lower] === undefined ||
    !isTimeUnit(found.unit) ||
    !(['within', 'in', 'under', 'below', 'less'].includes(view[index]?.lower ?? '') || ['take', 'takes', 'last', 'lasts'].includes(verb.lower))
  )
    return lead;
  threshold.timeOf = TIME_VERBS[verb.lower] ?? 'time';
  lead--;
  while (lead >= 0 && !clause.used[lead] && (MODALS.has(view[lead]?.lower ?? '') || NEGATIONS.has(view[lead]?.lower ?? ''))) {
    if (NEGATIONS.has(view[lead]?.lower ?? '')) threshold.negated = true;
    lead--;
  }
  return lead;
}

type Found = Omit<Threshold, 'quantity'> & { quantity: Quantity; negated: boolean; unknownChange?: string; unclearBetter?: string };

/** A comparison before its quantity, or "between … and …". */
function comparedQuantity(clause: Clause, view: readonly Token[]): Found | null {
  for (let index = 0; index < view.length; index++) {
    if (clause.used[index]) continue;
    if (view[index]?.lower === 'between') {
      const low = quantityAt(view, index + 1);
      const high = low && view[low.end]?.lower === 'and' ? quantityAt(view, low.end + 1) : null;
      if (low && high && (low.unit === null || high.unit === null || low.unit === high.unit)) {
        clause.use(index, index + 1);
        clause.place(index, index + 1, 'comparison');
        return { op: null, quantity: { ...low, end: high.end, upper: high.value, unit: low.unit ?? high.unit }, opStart: index, between: true, negated: false, preChange: null, timeOf: null };
      }
    }
    const comparison = comparisonAt(view, index);
    if (!comparison) continue;
    const at = quantityStart(view, comparison.end);
    const quantity = quantityAt(view, at);
    if (!quantity) continue;
    const found: Found = { op: comparison.op, quantity, opStart: index, between: false, negated: false, preChange: null, timeOf: null };
    // "Patient falls under 2 per month": a comparison that opens with a change verb after a noun that is no measure may hold the metric's own noun.
    const opener = view[index]?.lower ?? '';
    const before = view[index - 1];
    // "Availability drops below 99.5%": after a measure whose better side is known, a move to a level.
    const named = view.slice(Math.max(0, index - 3), index).filter((token, at) => token.kind === 'word' && !clause.used[index - 3 + at]);
    const level = ['below', 'under', 'above', 'beneath'].includes(view[index + 1]?.lower ?? '') && headPolarity(join(named)) !== null;
    if (
      !level &&
      (CHANGE_UP.has(opener) || CHANGE_DOWN.has(opener)) &&
      !CHANGE_ADJECTIVES.has(opener) &&
      /s$/.test(opener) &&
      comparison.end > index + 1 &&
      before?.kind === 'word' &&
      !clause.used[index - 1] &&
      !changeable(before.lower) &&
      !MODALS.has(before.lower)
    )
      found.unknownChange = opener;
    found.opStart = comparisonLead(clause, view, index, quantity, found);
    clause.use(found.opStart, at);
    clause.place(found.opStart, at, 'comparison');
    return found;
  }
  return null;
}

/** A number with what follows it: "3 or fewer P2 defects", "200+ sign-ups", "2–4 s". */
function countedQuantity(clause: Clause, view: readonly Token[]): Found | null {
  for (let index = 0; index < view.length; index++) {
    if (clause.used[index] || isIdentifierNumber(view, index)) continue;
    const quantity = quantityAt(view, index);
    if (!quantity) continue;
    const after = WORDS_AFTER.find(([phrase]) => wordsAt(view, quantity.end, phrase) && view[quantity.end + phrase.length]?.text !== ':');
    if (!after && !quantity.plus && quantity.upper === null) continue;
    if (after) clause.use(quantity.end, quantity.end + after[0].length);
    if (after) clause.place(quantity.end, quantity.end + after[0].length, 'comparison');
    return { op: after ? after[1] : quantity.plus ? '>=' : null, quantity, opStart: index, between: !after && !quantity.plus, negated: false, preChange: null, timeOf: null };
  }
  return null;
}

/** The clause's threshold, null when it has none, or why the one it has cannot be read. */
export function findThreshold(clause: Clause, view: readonly Token[]): Threshold | { unsure: string } | null {
  const found = comparedQuantity(clause, view) ?? countedQuantity(clause, view);
  if (!found) return null;
  const { quantity } = found;
  clause.use(quantity.start, quantity.end);
  clause.place(quantity.start, quantity.end, 'quantity');
  // "reduced by 25% or more", "down by 10%": the change word before "by" gives the direction.
  const changedBy = changeBefore(view, quantity.start);
  if (changedBy && !found.preChange && !clause.used[quantity.start - 2]) {
    found.preChange = changedBy;
    clause.use(quantity.start - 2, quantity.start);
    clause.place(quantity.start - 2, quantity.start, 'baseline');
  }
  const verbed = found.preChange ? null : changeVerbBefore(view, found.opStart >= 0 ? found.opStart : quantity.start, clause.used);
  if (verbed) {
    found.preChange = verbed.direction;
    clause.use(verbed.verb, verbed.verb + 1);
    clause.use(verbed.by, verbed.by + 1);
    clause.place(verbed.verb, verbed.verb + 1, 'baseline');
    clause.place(verbed.by, verbed.by + 1, 'baseline');
    found.opStart = Math.min(found.opStart, verbed.by);
  }
  // "never drops below 99.5% for more than 5 minutes" allows shorter dips; a sustained window cannot say so.
  const negatedPhrase = clause.tokens.slice(Math.max(0, found.opStart), quantity.start).some((token) => ['never', 'not'].includes(token.lower));
  if (negatedPhrase && clause.window?.value.kind === 'sustained' && /\b(?:more|longer) than\b/i.test(clause.window.value.text))
    return { unsure: `it negates a limit held for a time (\`${clause.window.value.text}\`), which allows dips shorter than that; write the limit and the longest dip as two bullets` };
  if (found.unclearBetter)
    return {
      unsure: `\`${found.unknownChange}\` needs to know whether a higher or a lower \`${found.unclearBetter}\` is better, which its name does not say; write the direction, such as "rises by at least 5%" or "falls by at least 5%"`,
    };
  if (found.unknownChange)
    return {
      unsure: `\`${found.unknownChange}\` could say a change or be part of what is measured; write the change with "by" and its baseline ("down by 10% from last quarter"), or name the metric on its own`,
    };
  if (found.op && found.negated) found.op = FLIP[found.op];
  // "within 1-10 ms": a range after "within" is the range; after any other comparison it is not clear which end counts.
  if (found.op && quantity.upper !== null && !found.between) {
    if (view[found.opStart]?.lower !== 'within') return { unsure: `it compares with the range \`${join(clause.tokens.slice(quantity.start, quantity.end))}\`; write one number, or "between … and …"` };
    found.between = true;
  }
  return found;
}
