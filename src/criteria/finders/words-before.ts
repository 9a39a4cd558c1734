/** Finds the words before a comparison that may name its metric: after a label's colon, inside a bracket, without a verb of return. */
import type { Clause } from '../clause.ts';
import { EDGES, FILLERS, words } from '../lexicon.ts';
import type { Token } from '../tokenize.ts';

// Verbs of a return to a level: "restored to", "back to".
const RETURNS = words('restored returned recovered back');
const MOVES_BACK = words('falls fall drops drop goes go comes come gets get is are has have been');

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
  // "Annual turnover rate (Target: < 15%)": a bracket that holds only the threshold leaves the name outside it.
  if (inside.some((token) => token.kind === 'word' && !FILLERS.has(token.lower))) before = inside;
  // "Budget restored to > 10%", "latency back to < 300 ms": the verb links the name to the level it returns to.
  const to = before.at(-1)?.lower === 'to' ? 1 : clause.tokens[opStart]?.lower === 'to' ? 0 : -1;
  if (to >= 0 && RETURNS.has(before.at(-1 - to)?.lower ?? '') && before.length > 1 + to) {
    const verb = before.splice(-1 - to);
    // "falls back to", "is restored to": the verb before goes with them.
    if (MOVES_BACK.has(before.at(-1)?.lower ?? '') && before.length > 1) verb.unshift(before.pop() as Token);
    // "Returned to ≤ 1% within 10 minutes" says how soon, which no window holds: its verb is left unplaced, and the bullet refused.
    const soon = clause.window !== null && clause.tokens[clause.window.start]?.lower === 'within';
    if (!soon) for (const token of verb) clause.placeToken(token, 'comparison');
  }
  // "Watch (70-90% used)": the threshold sits in brackets after a name; the name is not the metric.
  const last = before.at(-1);
  const bracketed = last !== undefined && clause.tokens.slice(0, opStart).some((token, index) => token.text === '(' && index > view.indexOf(last));
  // "Endpoint availability: > 99.9% success rate": after a label, the words after the value name the metric.
  const labelled = before.filter((token) => token.kind !== 'symbol' || token.text === ':').at(-1)?.text === ':';
  return { before, labelled, bracketed };
}
