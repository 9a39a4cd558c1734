/**
 * Reads a change written from one level to another: "Increase CSAT from 82% to 86%", "documentation
 * time reduced from 8 minutes to 4 minutes", "Reduce payroll processing time from 3 days to < 1 hour".
 * The level to reach is the threshold; the level before is told, not compared.
 */
import type { Clause } from '../clause.ts';
import { changeDirection } from '../finders/baseline.ts';
import { comparisonAt } from '../finders/comparison.ts';
import { findPer } from '../finders/rate.ts';
import { CHANGE_VERBS, PERIOD_WORDS } from '../lexicon.ts';
import { joinTokens as join, metricText } from '../metric-text.ts';
import { type Quantity, quantityAt } from '../quantity.ts';
import { blank, type ClauseResult, type Op } from '../reading.ts';
import { type Token, tokenize } from '../tokenize.ts';
import { SECONDS, unitOf } from '../units.ts';

/** A quantity in one scale for comparing the two levels: durations in seconds, anything else as written. */
const level = (quantity: Quantity) => quantity.value * (quantity.unit ? (SECONDS[quantity.unit] ?? 1) : 1);

/** "from 8 minutes to 4 minutes", "from 3 days to < 1 hour": both levels, and the comparison before the second, if any. */
function levelsAt(view: readonly Token[], from: number): { before: Quantity; after: Quantity; op: Op | null; end: number } | null {
  // "from 82% to 86%" is no range here: the first level ends at "to".
  const to = view.findIndex((token, index) => index > from + 1 && token.lower === 'to');
  const before = to > 0 ? quantityAt(view.slice(0, to), from + 1) : null;
  if (!before || before.end !== to) return null;
  const comparison = comparisonAt(view, before.end + 1);
  const after = quantityAt(view, comparison ? comparison.end : before.end + 1);
  if (!after || before.upper !== null || after.upper !== null) return null;
  // Both levels in one kind of unit: "from 3 days to 1 hour" compares; "from 20% to 5 minutes" does not.
  const timed = (quantity: Quantity) => quantity.unit !== null && SECONDS[quantity.unit] !== undefined;
  if (before.unit !== after.unit && !(timed(before) && timed(after))) return null;
  return { before, after, op: comparison?.op ?? null, end: after.end };
}

/** The change from one level to another, or null when the clause has no such form. */
export function readChangeTo(clause: Clause, view: readonly Token[]): ClauseResult | null {
  const from = view.findIndex((token, index) => token.lower === 'from' && !clause.used[index] && levelsAt(view, index) !== null);
  const levels = from > 0 ? levelsAt(view, from) : null;
  if (!levels) return null;
  // The one word that says which way: "reduce", "reduced", "down", "increase".
  const changes = view.slice(0, from).flatMap((token, index) => {
    const direction = CHANGE_VERBS[token.lower] ?? changeDirection(token.lower, null);
    return !clause.used[index] && (direction === 'increase' || direction === 'decrease') ? [{ index, direction }] : [];
  });
  const [change] = changes;
  if (!change || changes.length > 1) return null;
  const rising = change.direction === 'increase';
  if (rising ? level(levels.after) <= level(levels.before) : level(levels.after) >= level(levels.before)) {
    return {
      unsure: `it says ${change.direction} but goes from \`${join(view.slice(levels.before.start, levels.before.end))}\` to \`${join(view.slice(levels.after.start, levels.after.end))}\`; write the level it must reach, such as "≤ …"`,
    };
  }
  // "… to 4 minutes per patient": a rate of things after the level stays with what is measured;
  // "… to 5 per day" is counted over a day.
  const per = findPer(view, levels.end);
  const time = per ? PERIOD_WORDS[per.value.unit] : undefined;
  const perThing = per && time === undefined && !unitOf(per.value.unit) ? per : null;
  const perTime = per && time !== undefined && !clause.window ? per : null;
  // After a label's colon, the words there name the metric; the label is applied after.
  const colon = view.slice(0, from).findIndex((token) => token.text === ':');
  const named = view.slice(0, from).filter((_token, index) => index !== change.index && index > colon && !clause.used[index]);
  const metric =
    metricText(named.length > 0 ? named : view.slice(0, Math.max(0, colon))) || (clause.context.label ? metricText(tokenize(clause.context.label).filter((token) => token.kind === 'word')) : '');
  if (!metric) return null;
  clause.use(0, (perThing ?? perTime)?.end ?? levels.end);
  if (perTime && time !== undefined)
    clause.window = { start: perTime.start, end: perTime.end, value: { seconds: perTime.value.count * time, text: join(view.slice(perTime.start, perTime.end)), kind: 'period' } };
  if (perTime) clause.place(perTime.start, perTime.end, 'window');
  clause.place(change.index, change.index + 1, 'comparison');
  clause.place(from, levels.before.end + 1, 'baseline');
  clause.place(levels.after.start, levels.after.end, 'quantity');
  if (perThing) clause.place(perThing.start, perThing.end, 'metric');
  const op: Op = levels.op ?? (rising ? '>=' : '<=');
  const name = perThing ? `${metric} ${join(view.slice(perThing.start, perThing.end))}` : metric;
  return clause.finish(
    [{ ...blank(name, op, levels.after.value, levels.after.unit), scale: levels.after.scale }],
    [`Read "${join(view.slice(from, levels.end))}" as the level to reach; the level before is told, not compared.`],
  );
}
