/**
 * Reads a clause with no comparison written: a change from an unnamed baseline ("50% increase in
 * errors"), a value after a label or "is" ("Uptime: 99.9%", "P1 defects is 0"), a bare amount with
 * its metric ("99.9% uptime", "15% fewer tickets than the control group"). A quantifier ("no P1
 * defects") is the quantifier reader's.
 */
import type { Clause } from '../clause.ts';
import { changeBefore, changeDirection, changeVerbBefore, findBaseline } from '../finders/baseline.ts';
import { findPer } from '../finders/rate.ts';
import { findWindow } from '../finders/window.ts';
import { isIdentifierNumber } from '../identifier-number.ts';
import { CHANGE_MOVES, EDGES, NOT_METRIC, NOT_SCOPE, TIME_NAMES_SET, words } from '../lexicon.ts';
import { GOALS, LINGERING, NOT_TARGETS } from '../lexicon-counts.ts';
import { changePolarity, worseChange } from '../metric-polarity.ts';
import { joinTokens as join, metricText } from '../metric-text.ts';
import { codeUnit, numberAt, type Quantity, quantityAt } from '../quantity.ts';
import { type Baseline, blank, type ClauseContext, type ClauseResult } from '../reading.ts';
import { type Token, tokenize } from '../tokenize.ts';
import { CURRENCY_SIGNS } from '../units.ts';
import { readLabel, readUndirected } from './label-value.ts';
import { ratioChange } from './ratio-change.ts';

// Words that link a baseline after a change's subject: "… compared to last quarter".
const BASELINE_LINK_WORDS = words('compared relative versus vs against');
// Words a scope after a change's subject never holds: a baseline, a condition, a comparison or a quantifier.
const NOT_SCOPE_OF_CHANGE = words('than vs versus compared from against relative baseline control if when unless after before until any all each every no not only most least');

/** "50% increase in errors", "a 10% drop in conversion": a change from a baseline the plan does not name. */
function readChangeOf(clause: Clause, view: readonly Token[]): ClauseResult | null {
  const changeAt = view.findIndex((token, index) => token.kind === 'number' && !clause.used[index] && view[index + 1]?.text === '%');
  const value = changeAt >= 0 ? quantityAt(view, changeAt) : null;
  const change = value?.unit === '%' ? changeDirection(view[value.end]?.lower ?? '', null) : null;
  if (!value || !change || change === 'unknown' || !['in', 'of'].includes(view[value.end + 1]?.lower ?? '')) return null;
  const subject: Token[] = [];
  for (
    let index = value.end + 2;
    index < view.length &&
    !clause.used[index] &&
    !EDGES.has(view[index]?.lower ?? '') &&
    !NOT_METRIC.has(view[index]?.lower ?? '') &&
    !BASELINE_LINK_WORDS.has(view[index]?.lower ?? '') &&
    view[index]?.kind !== 'symbol';
    index++
  )
    subject.push(view[index] as Token);
  // "70% reduction in time spent on leave administration": a short scope that ends the clause names it too.
  const tail = view.slice(value.end + 2 + subject.length);
  const spanOfTime = tail[0]?.lower === 'for' && ['a', 'an'].includes(tail[1]?.text ?? '');
  const scoped =
    tail.length > 1 &&
    tail.length <= 6 &&
    !spanOfTime &&
    ['on', 'in', 'for', 'at', 'across'].includes(tail[0]?.lower ?? '') &&
    tail
      .slice(1)
      .every(
        (token) => token.kind === 'word' && !NOT_SCOPE_OF_CHANGE.has(token.lower) && !NOT_SCOPE.has(token.lower) && !(tail[0]?.lower === 'for' && TIME_NAMES_SET.has(token.lower.replace(/s$/, ''))),
      );
  if (scoped) subject.push(...tail);
  const subjectEnd = value.end + 2 + subject.length;
  // "… compared to the control group", "… versus last quarter": the baseline named after the subject.
  // Only a link right after the subject ("… compared to …", "… versus …"): "from" says where the figure comes from.
  const versus = scoped || !BASELINE_LINK_WORDS.has(view[subjectEnd]?.lower ?? '') ? null : findBaseline(view, subjectEnd, change, null);
  clause.use(0, versus ? versus.end : subjectEnd);
  clause.place(value.start, value.end, 'quantity');
  clause.place(value.end, value.end + 2, 'baseline');
  if (versus) clause.place(subjectEnd, versus.end, 'baseline');
  const metric = metricText(subject);
  if (!metric) return null;
  // "5% drop in conversion" as an exit criterion: a change for the worse is no target to reach.
  const worse = clause.context.kind === 'exit' ? worseChange(metric, change) : null;
  if (worse) return { unsure: worse };
  return clause.finish(
    [{ ...blank(metric, '>=', value.value, '%'), baseline: { text: versus?.text ?? 'baseline', change: 'relative', direction: change } }],
    [versus ? `Read as a change of at least ${value.value}% from ${versus.text}.` : `Read as a change of at least ${value.value}% from a baseline the plan does not name.`],
  );
}

/** "Week 1: $20K recovered", "Last 7 days: …": a label that names a period is the clause's window, not its metric. */
function labelPeriod(clause: Clause, metric: Token[]): boolean {
  if (clause.window) return false;
  // "Week 2: zero P1 incidents", "Sprint 4: …": a numbered period names when, as "in week 2" does; no window of its length.
  const period = /^(?:week|day|month|sprint)$/.test(metric[0]?.lower ?? '') && metric.length === 2 && metric[1]?.kind === 'number';
  if (period) {
    clause.period = [clause.period, `in ${join(metric).toLowerCase()}`].filter(Boolean).join(' ');
    return true;
  }
  const window = findWindow([{ ...(metric[0] as Token), text: 'over', lower: 'over' }, ...metric]);
  if (!window || window.end !== metric.length + 1) return false;
  clause.window = { start: 0, end: 0, value: { ...window.value, text: join(metric) } };
  return true;
}

/**
 * "Achieve a retention rate of 40%": after a verb that sets a target, "of" links a name to its value as
 * "is" does when the value, a share or a count, ends the clause. A length ("PII retention of 30 days")
 * may be a cap or a floor, so it is not read.
 */
function endsOnValue(clause: Clause, view: readonly Token[], index: number): boolean {
  const value = view[index]?.lower === 'of' ? quantityAt(view, index + 1) : null;
  const before = view.slice(0, index);
  if (!value || (value.unit !== null && value.unit !== '%') || !GOALS.has(before[0]?.lower ?? '') || before.some((token) => NOT_TARGETS.has(token.lower))) return false;
  return view.every((token, at) => at < value.end || clause.used[at] || token.kind === 'symbol');
}

/** "Uptime: 99.9%", "Refund errors: none", "P1 defects is 0": a value after a label or "is". */
function readColonValue(clause: Clause, view: readonly Token[], context: ClauseContext): ClauseResult | null {
  const colon = view.findIndex((token) => token.text === ':');
  const copula = view.findIndex((token, index) => index > 0 && (words('is are be equals').has(token.lower) || endsOnValue(clause, view, index)) && numberAt(view, index + 1) !== null);
  // "Wrong patient incidents: Target: 0": a word of aiming before the value leads it, as a heading would.
  const aimed = (index: number) => ['target', 'goal', 'objective', 'aim'].includes(view[index]?.lower ?? '') && index > colon;
  const valueAt = colon >= 0 ? view.findIndex((token, index) => index > colon && !aimed(index) && (token.kind !== 'symbol' || CURRENCY_SIGNS.has(token.text))) : copula >= 0 ? copula + 1 : -1;
  const found = valueAt >= 0 ? quantityAt(view, valueAt) : null;
  const zero = ['none', 'zero', 'nil', 'nothing', 'no'].includes(view[valueAt]?.lower ?? '');
  if (valueAt < 0 || (!found && !zero)) return null;
  if (zero) clause.place(valueAt, valueAt + 1, 'quantity');
  const label = readLabel(view.slice(0, colon >= 0 ? colon : copula).filter((_, index) => !clause.used[index]));
  if (label.condition.length > 0) clause.setCondition(label.condition, `Ignored the condition \`${join(label.condition)}\`.`);
  for (const token of label.directions) clause.placeToken(token, 'comparison');
  const named = labelPeriod(clause, label.metric) ? { ...label, metric: [] } : label;
  let end = found ? found.end : valueAt + 1;
  const per = found ? findPer(view, end) : null;
  if (per && found) end = per.end;
  clause.use(0, end);
  if (found) clause.place(found.start, found.end, 'quantity');
  // "Target: 99.9% uptime": words after the value name the metric when the label does not.
  const trailing = view.slice(end).filter((token, index) => !clause.used[end + index] && token.kind !== 'symbol');
  let metric = metricText(named.metric);
  // "P1 bugs: 0 open": a state after the value says which are counted, as "P2 bugs: ≤ 5 open" does.
  const state = metric && trailing.length === 1 && LINGERING.has(trailing[0]?.lower ?? '');
  if ((!metric || state) && trailing.length > 0) {
    metric = [metric, metricText(trailing)].filter(Boolean).join(' ');
    clause.use(end, view.length);
  }
  if (!metric && context.label) metric = metricText(readLabel(tokenize(context.label)).metric);
  return readUndirected(clause, metric, found, named, join(view.slice(valueAt, end)), per?.value ?? null);
}

/** "We target 0.01% unsuccessful calls", "Error rate 50% higher than baseline": an amount with its metric, no comparison. */
function readBareAmount(clause: Clause, view: readonly Token[]): ClauseResult | null {
  const number = view.findIndex((token, index) => token.kind === 'number' && !clause.used[index] && !isIdentifierNumber(view, index));
  // "Cost £2 lower than control": the amount starts at its currency sign.
  const sign = view[number - 1];
  const bare = number > 0 && (CURRENCY_SIGNS.has(sign?.text ?? '') || codeUnit(sign) !== null) && !clause.used[number - 1] ? number - 1 : number;
  const amount = bare >= 0 ? quantityAt(view, bare) : null;
  if (!amount) return null;
  clause.place(amount.start, amount.end, 'quantity');
  // A change with no comparison written reads as at least that change; "reduced by 15%" gives its direction.
  // "Churn down 2 points from last year": a change word right before the amount gives its direction too.
  const moved = CHANGE_MOVES.has(view[amount.start - 1]?.lower ?? '') ? changeDirection(view[amount.start - 1]?.lower ?? '', null) : null;
  const changedBy = changeBefore(view, amount.start) ?? (moved === 'unknown' ? null : moved);
  const skip = changeBefore(view, amount.start) ? 2 : changedBy ? 1 : 0;
  if (skip > 0) clause.place(amount.start - skip, amount.start, 'baseline');
  // "Day 7 retention up 5 points": a number that names stays in the name.
  const before = view.slice(0, amount.start - skip).filter((token, index) => !clause.used[index] && (token.kind === 'word' || isIdentifierNumber(view, index)));
  const versus = findBaseline(view, amount.end, changedBy, () => changePolarity(join(before)));
  // "15% fewer tickets than the control group": the metric may sit between the change word and the baseline.
  const subject = before.length > 0 ? before : (versus?.metric ?? []);
  if (versus && versus.direction !== 'unknown' && subject.length > 0) {
    clause.use(0, versus.end);
    clause.place(versus.start, versus.start + 1, 'baseline');
    clause.place(versus.linkAt, versus.end, 'baseline');
    const worse = clause.context.kind === 'exit' ? worseChange(metricText(subject), versus.direction) : null;
    if (worse) return { unsure: worse };
    const change = amount.unit === 'x' ? 'ratio' : amount.unit === '%' ? 'relative' : 'points';
    return clause.finish(
      [{ ...blank(metricText(subject), '>=', amount.value, amount.unit), baseline: { text: versus.text, change, direction: versus.direction } }],
      [`Read as a change of at least ${join(view.slice(amount.start, amount.end))}.`],
    );
  }
  const unnamed = readUnnamedChange(clause, view, amount, changedBy, before);
  if (unnamed) return unnamed;
  // "8/10 average satisfaction": a score on its scale names its unit as a unit does.
  if ((amount.unit === null && amount.scale === null) || view[amount.end]?.kind !== 'word' || EDGES.has(view[amount.end]?.lower ?? '')) return null;
  const after: Token[] = [];
  for (let index = amount.end; index < view.length && !clause.used[index] && !EDGES.has(view[index]?.lower ?? ''); index++) after.push(view[index] as Token);
  clause.use(0, amount.end + after.length);
  return readUndirected(clause, metricText(after, amount.unit), amount, { op: null, unit: null, percentile: null }, join(view.slice(amount.start, amount.end)));
}

/**
 * "Wait time reduced by 50%", "Reduce drop-off rate by a third": a change with its direction and no
 * baseline named reads as at least that change from a baseline the plan does not name.
 */
function readUnnamedChange(clause: Clause, view: readonly Token[], amount: Quantity, changedBy: Baseline['direction'] | null, before: Token[]): ClauseResult | null {
  if (amount.unit !== '%' && amount.unit !== 'pp') return null;
  const verb = changedBy ? null : changeVerbBefore(view, amount.start, clause.used);
  const direction = changedBy ?? verb?.direction;
  const subject = verb ? view.slice(verb.verb + 1, verb.by).filter((_, index) => !clause.used[verb.verb + 1 + index]) : before;
  if (!direction || subject.length === 0) return null;
  const ratio = ratioChange(subject, amount, view[amount.end - 1]);
  if (ratio) return { unsure: ratio };
  const worse = clause.context.kind === 'exit' ? worseChange(metricText(subject), direction) : null;
  if (worse) return { unsure: worse };
  if (verb) clause.place(verb.verb, verb.verb + 1, 'baseline');
  if (verb) clause.place(verb.by, verb.by + 1, 'baseline');
  clause.use(0, amount.end);
  const change = amount.unit === '%' ? 'relative' : 'points';
  return clause.finish(
    [{ ...blank(metricText(subject), '>=', amount.value, amount.unit), baseline: { text: 'baseline', change, direction } }],
    [`Read as a change of at least ${join(view.slice(amount.start, amount.end))} from a baseline the plan does not name.`],
  );
}

/** A clause with no comparison: the first of the forms above that reads it, or null for the quantifier reader to try. */
export function readValue(clause: Clause, view: readonly Token[], context: ClauseContext): ClauseResult | null {
  return readChangeOf(clause, view) ?? readColonValue(clause, view, context) ?? readBareAmount(clause, view);
}
