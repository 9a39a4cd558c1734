/** Reads a value written after a label with no comparison: "Maximum queue age: 15 min", "Refund errors: none", "Uptime: 99.9%". */

import type { Comparator, Unit } from '../../schemas/criterion-schema.ts';
import { type Clause, leftoverReason } from '../clause.ts';
import { CROSSED } from '../finders/comparison.ts';
import { findPercentile } from '../finders/percentile.ts';
import { BASELINE_NAMES, CONDITIONS, FILLERS, LABEL_DIRECTIONS, words } from '../lexicon.ts';
import { notAMetric } from '../metric-name-problems.ts';
import { headPolarity, metricPolarity } from '../metric-polarity.ts';
import type { Quantity } from '../quantity.ts';
import { blank, type ClauseResult, type Op, type ParsedCriterion } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { isTimeUnit, unitOf } from '../units.ts';

/** A label's own unit, direction and percentile: "Checkout latency (ms)", "Maximum queue age", "max", "p90". */
// Measures a budget caps: "Latency budget: 300 ms", "Page weight budget: 1 MB".
const BUDGETED = words('latency time duration response load render size payload memory cpu bundle page performance weight');

export function readLabel(tokens: readonly Token[]): { metric: Token[]; unit: Unit | null; op: Op | null; percentile: number | null; condition: Token[]; directions: Token[] } {
  let unit: Unit | null = null;
  let op: Op | null = null;
  const metric: Token[] = [];
  // The words that gave the label its direction or unit: "Max", "(ms)".
  const directions: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token || token.text === ':' || token.text === '#') continue;
    if (token.text === '(' && tokens[index + 2]?.text === ')') {
      const inner = tokens[index + 1];
      const innerUnit = inner ? unitOf(inner.lower) : null;
      const innerOp = inner ? LABEL_DIRECTIONS[inner.lower] : undefined;
      if (innerUnit || innerOp) {
        unit = innerUnit ?? unit;
        op = innerOp ?? op;
        if (inner) directions.push(inner);
        index += 2;
        continue;
      }
    }
    const direction = LABEL_DIRECTIONS[token.lower];
    // "max(result)" is a function in code, not a direction.
    const call = tokens[index + 1]?.text === '(' && !tokens[index + 1]?.spaced;
    // "Budget remaining", "error budget", "Remaining budget": "budget" heads a name unless it ends a measure's ("Latency budget: 300 ms").
    const named = token.lower === 'budget' && (index === 0 || !BUDGETED.has(tokens[index - 1]?.lower ?? ''));
    if (direction && !call && !named && (index === 0 || index === tokens.length - 1)) {
      op = direction;
      directions.push(token);
      continue;
    }
    metric.push(token);
  }
  // "number of failed checks before rollback": the label's name ends where a condition starts.
  const condition = metric.findIndex((token, index) => index > 0 && CONDITIONS.has(token.lower));
  const dropped = condition > 0 ? metric.splice(condition) : [];
  const percentile = findPercentile(metric);
  return { metric: percentile ? [...metric.slice(0, percentile.start), ...metric.slice(percentile.end)] : metric, unit, op, percentile: percentile?.value ?? null, condition: dropped, directions };
}

/** Names of series listed to share one threshold: "`a`, `b` and `c` should be 0", "ip_errors_total, reconcile_errors_total". */
function seriesNames(tokens: readonly Token[]): string[] | null {
  const names: string[] = [];
  for (const token of tokens) {
    if (token.text === ',' || token.lower === 'and') continue;
    if (token.kind === 'code' || /^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(token.text)) names.push(token.kind === 'code' ? `\`${token.text}\`` : token.text);
    else if (!FILLERS.has(token.lower)) return null;
  }
  return names.length > 1 ? names : null;
}

/** A value with no comparison written: the label's direction, a zero or a `+` decide; otherwise it is ambiguous. */
export function readUndirected(
  clause: Clause,
  metric: string,
  found: Quantity | null,
  label: { op: Op | null; unit: Unit | null; percentile: number | null; metric?: Token[] },
  shown: string,
  per: ParsedCriterion['per'] = null,
): ClauseResult {
  const value = found?.value ?? 0;
  const unit = found?.unit ?? label.unit;
  const percentile = label.percentile ?? clause.percentile?.value ?? null;
  const name = metric || (percentile !== null && isTimeUnit(unit) ? 'latency' : '');
  if (!name) return { unsure: `it has the value \`${shown}\` but says not what is measured` };
  // "Error rate: 2x" is a multiple of a baseline it does not name; "Pipeline coverage: 3x" is a ratio of its own.
  if (unit === 'x' && !/\b(?:burn|ratio|multiple|factor|speed-?up|multiplier|roas)\b|\b(?:pipeline|quota|interest|debt service) coverage$/i.test(name)) {
    const against = clause.tokens.find((token) => BASELINE_NAMES.test(token.lower));
    const what = against ? `\`${shown} ${against.text}\` has no comparison` : `\`${shown}\` is a multiple of what the bullet does not name as a baseline`;
    return { unsure: `${what}; write it, such as \`${name} ≤ ${shown} ${against?.text ?? 'baseline'}\`` };
  }
  const make = (op: Comparator) => ({ ...blank(name, op, value, unit), percentile, per, scale: found?.scale ?? null, upper: op === 'between' ? (found?.upper ?? null) : null });
  const trigger = clause.context.kind === 'rollback';
  if (found && found.upper !== null) return clause.finish([make('between')]);
  if (label.op)
    return clause.finish([make(trigger ? CROSSED[label.op] : label.op)], trigger ? [`Read the ${label.op === '<=' ? 'maximum' : 'minimum'} as a trigger that fires once it is crossed.`] : []);
  const series = label.metric ? seriesNames(label.metric) : null;
  // "Errors: 0" in a trigger fires on the first error; "Error budget: 0%", "Free beds: 0" run out, which a zero cannot say.
  // "Remaining stock: 0", "Error budget: 0%": none left, in either list, which a zero alone does not say.
  const left = /\b(?:budget|stock|inventory|capacity|slots?|beds?|lanes?|doses?|on hand)\b|^(?:remaining|available|free|spare|left)\b|\bremaining$/i.test(name);
  if (value === 0 && left) return { unsure: `\`${name}\` at nought is none left; write the comparison, such as \`${name} ≤ 0\`` };
  const counts = series !== null || metricPolarity(name) === 'lower';
  if (value === 0 && trigger && !counts) return { unsure: `\`${name}\` at nought may be the first one or none left; write the comparison, such as \`${name} > 0\` or \`${name} ≤ 0\`` };
  if (value === 0)
    return clause.finish(
      series ? series.map((each) => ({ ...make(trigger ? '>' : '='), metric: each })) : [make(trigger ? '>' : '=')],
      trigger ? ['Read a zero in a trigger as: fires on the first one.'] : [],
    );
  if (found?.plus) return clause.finish([make('>=')]);
  if (percentile !== null && isTimeUnit(unit) && !trigger) return clause.finish([make('<=')], [`Read as a maximum: a ${percentile}th percentile of a duration is a ceiling.`]);
  if (clause.leftover().length > 0) return { unsure: leftoverReason(clause.leftover(), clause.tokens) };
  const problem = notAMetric(name);
  if (problem) return { unsure: problem, unnamed: true };
  // An exit target for a name that says which way is better ("99.9% monthly uptime") has one reading.
  const better = trigger || percentile !== null ? null : headPolarity(name);
  // "100% error rate": a ceiling of 100% holds always, so the author meant something else.
  if (better === 'lower' && unit === '%' && value === 100) return { unsure: `\`${shown}\` of \`${name}\`, which is better lower, bounds nothing; write the limit, such as "${name} ≤ 1%"` };
  if (better) return clause.finish([make(better === 'higher' ? '>=' : '<=')], [`Read as ${better === 'higher' ? 'at least' : 'at most'} ${shown}: a ${better} ${name} is better.`]);
  // "100% staff actively using system": nothing is above all of them, so an exit target of 100% is exact.
  // "staff actively using system", "Master Data loaded": what happens to all of them; "disk usage" is no share.
  const share = name.split(' ').length > 1 && metricPolarity(name) !== 'lower' && /\b\w+(?:ed|ing)\b/.test(name);
  if (!trigger && percentile === null && unit === '%' && value === 100 && found?.scale === null && share) return clause.finish([make('=')], ['Read as exactly 100%.']);
  return { ambiguous: [clause.qualified(make('>=')), clause.qualified(make('<='))], fix: `Write \`at least ${shown}\` or \`at most ${shown}\`.` };
}
