/** Finds the words before a comparison that may name its metric: after a label's colon, inside a bracket, without a verb of return. */
import type { Clause } from '../clause.ts';
import { EDGES, FILLERS, LEAD, NOT_METRIC, words } from '../lexicon.ts';
import type { Token } from '../tokenize.ts';
import { isTimeUnit, unitOf } from '../units.ts';

// Verbs before a bracket that make the words outside it an action, not a name: "Detect potential issues (…)".
const ACTIONS = words('detect detects catch catches flag flags spot spots find finds look watch check warning warnings early signs');

// Words of a return to a level: "restored to", "back below", "recovers to", "reduced to".
const RETURNS = words('back restored returned returns return recovered recovers recover refilled reduced lowered improved brought');
// Words that may come with them: "falls back to", "is restored to", "back down to".
const MOVES_BACK = words('falls fall drops drop goes go comes come gets get is are has have been down rises rise climbs climb');
// A return in a trigger is a recovery, which fires nothing, unless it rises: "Error rate rises back to > 2%".
const RISES = words('rises rise climbs climb creeps creep jumps jump spikes spike up');
// Verbs of a move to a level: "rises to > 2%", "drops below £5,000", "falls to ≤ 1%".
const MOVES_TO = words(
  'rises rise rose risen climbs climbed falls fell fallen drops dropped increases increased decreases decreased raised lowered cut slips slipped grows grew shrinks shrank goes went reaches reached hits hit creeps creep jumps jump spikes spike dips dip sinks sink slides slide trimmed shortened slashed halved doubled run runs down up',
);

/**
 * Takes a return to a level off the end of the name ("Budget restored to > 10%"): placed with the
 * comparison, or left for the word account to report where it cannot be read (how soon it returns, or a
 * recovery in a trigger).
 */
function takeReturn(clause: Clause, before: Token[], opStart: number): void {
  const to = before.at(-1)?.lower === 'to' ? 1 : 0;
  // "Accounts restored ≥ 95%" names what was restored: the return links to a level only with "to" or a word of comparison.
  if (to === 0 && clause.tokens[opStart]?.kind !== 'word') return;
  let start = before.length - to;
  const moving = (token: Token | undefined) => RETURNS.has(token?.lower ?? '') || MOVES_BACK.has(token?.lower ?? '') || MOVES_TO.has(token?.lower ?? '');
  // "Cost per drop under £3", "failures per run below 1", "Rate of return above 5%": after "per" or "of" the word is a noun.
  while (start > 1 && moving(before[start - 1]) && !['per', 'of'].includes(before[start - 2]?.lower ?? '')) start--;
  const run = before.slice(start);
  if (!run.some((token) => RETURNS.has(token.lower) || MOVES_TO.has(token.lower))) return;
  // "Revenue slips below £5,000" falls to a level; "Schedule slips more than 2 weeks" says how far it slips.
  const level = ['to', 'below', 'under', 'beneath', 'above'].includes(clause.tokens[opStart]?.lower ?? '') || to === 1;
  if (!level && run.every((token) => ['slips', 'slipped'].includes(token.lower))) return;
  before.splice(start);
  const after = clause.tokens.slice(opStart);
  const soon = after.some((token, index) => token.lower === 'within' && after.slice(index + 1).some((each) => isTimeUnit(unitOf(each.lower))));
  const recovery = clause.context.kind === 'rollback' && run.some((token) => RETURNS.has(token.lower)) && !run.some((token) => RISES.has(token.lower));
  if (!soon && !recovery) for (const token of run) clause.placeToken(token, 'comparison');
}

/** The words before the comparison that may name the metric, and whether a label's colon or brackets set them apart. */
export function wordsBefore(clause: Clause, view: readonly Token[], opStart: number): { before: Token[]; labelled: boolean; bracketed: boolean } {
  let before = view.filter((_, index) => index < opStart && !clause.used[index]);
  // "Key signals: P95 latency delta under 5ms": with words after a label's colon, those name the metric.
  const colonAt = before.map((token) => token.text).lastIndexOf(':');
  const afterColon = before.slice(colonAt + 1).filter((token) => token.kind === 'word');
  if (colonAt >= 0 && afterColon.length > 0 && !EDGES.has(afterColon[0]?.lower ?? '')) before = before.slice(colonAt + 1);
  // "Detect potential issues (crash rate greater than 1%)": a comparison inside brackets is named inside them;
  // the words before the bracket are left for the account to find, never glued to the name.
  const written = clause.tokens.slice(0, opStart);
  const open = written.map((token) => token.text).lastIndexOf('(');
  const inside = open < 0 || written.slice(open).some((token) => token.text === ')') ? [] : before.filter((token) => view.indexOf(token) > open);
  // "Annual turnover rate (Target: < 15%)": a bracket that holds only the threshold leaves the name outside it;
  // "Latency degradation (p99 latency > 2x baseline)": a name before the bracket heads it, as a label would.
  const acting = before.some((token) => view.indexOf(token) < open && (NOT_METRIC.has(token.lower) || LEAD.has(token.lower) || ACTIONS.has(token.lower)));
  if (acting && inside.some((token) => token.kind === 'word' && !FILLERS.has(token.lower))) before = inside;
  // "Budget restored to > 10%", "latency back to < 300 ms": the verb links the name to the level it returns to.
  takeReturn(clause, before, opStart);
  // "Watch (70-90% used)": the threshold sits in brackets after a name; the name is not the metric.
  const last = before.at(-1);
  const bracketed = last !== undefined && clause.tokens.slice(0, opStart).some((token, index) => token.text === '(' && index > view.indexOf(last));
  // "Endpoint availability: > 99.9% success rate": after a label, the words after the value name the metric.
  const labelled = before.filter((token) => token.kind !== 'symbol' || token.text === ':').at(-1)?.text === ':';
  return { before, labelled, bracketed };
}
