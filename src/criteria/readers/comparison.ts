/**
 * Reads a clause whose threshold was found: its baseline, what follows the threshold, and the metric,
 * from the words before the comparison or, when it comes first, the words after the quantity ("< 3
 * P1 defects", "fewer than 1 in 200 orders fail").
 */
import type { Clause } from '../clause.ts';
import { COMPARATOR_SIGNS, formatQuantity } from '../describe-reading.ts';
import { findAfterThreshold } from '../finders/after-threshold.ts';
import { FLIP } from '../finders/comparison.ts';
import { ownerOf, POSSESSION } from '../finders/owner.ts';
import { findTrailingScope } from '../finders/scope.ts';
import type { Threshold } from '../finders/threshold.ts';
import { attachBaseline } from '../finders/threshold-baseline.ts';
import { wordsBefore } from '../finders/words-before.ts';
import { MEASURES, QUALIFIERS, TIME_NAMES_SET, words } from '../lexicon.ts';
import { worseChange } from '../metric-polarity.ts';
import { describedText, joinTokens as join, metricText, singular } from '../metric-text.ts';
import { blank, type ClauseContext, type ClauseResult, type ParsedCriterion } from '../reading.ts';
import { type Token, tokenize } from '../tokenize.ts';
import { isTimeUnit, SECONDS, unitOf } from '../units.ts';
import { countedAfter, movedAfter, timeOfSomething } from './after-quantity.ts';
import { readLabel } from './label-value.ts';
import { movedRatio } from './ratio-change.ts';
import { shareProblem, thresholdProblem } from './threshold-problems.ts';

/** The metric's name from the words before the comparison and those counted after the quantity. */
function nameMetric(clause: Clause, view: readonly Token[], threshold: Threshold, after: { per: ParsedCriterion['per']; unitLabel: string }, afterMetric: Token[]) {
  const { before, labelled, bracketed } = wordsBefore(clause, view, threshold.opStart);
  const label = readLabel(before);
  if (label.condition.length > 0) clause.setCondition(label.condition, `Ignored the condition \`${join(label.condition)}\`.`);
  // "Max CPU under 80%", "Minimum uptime above 99.9%": before a comparison of its own, the word names a statistic.
  const statistic = threshold.op === null ? [] : label.directions.filter((token) => token === before[0] && /^(?:max|maximum|min|minimum)$/i.test(token.text));
  for (const token of label.directions) if (!statistic.includes(token)) clause.placeToken(token, 'comparison');
  let metric = metricText([...statistic, ...label.metric], threshold.quantity.unit);
  let { unitLabel } = after;
  timeOfSomething(clause, view, threshold, metric);
  const counted = countedAfter(clause, view, threshold, metric, after.per);
  movedAfter(clause, counted);
  const countedText = describedText(counted);
  // "Pilot facility live, 100+ patients registered": words before a comma that ends right at the
  // threshold are a claim of their own when words after the quantity name what is counted.
  const lastComma = before.map((token) => token.text).lastIndexOf(',');
  const endsAtComma = countedText && metric && before.slice(lastComma + 1).every((token) => token.kind === 'symbol');
  // "Go-live done, error rate < 1%": so are words before a comma inside the metric's words.
  // "Digital adoption rate, which must be …" names it before a relative clause.
  const relative = words('which that who').has(before[lastComma + 1]?.lower ?? '');
  const inside =
    lastComma > 0 &&
    !endsAtComma &&
    !relative &&
    before.slice(0, lastComma).some((token) => token.kind === 'word') &&
    !before.some((token) => token.lower === 'and' || token.lower === 'or' || token.text === '(');
  const apart = lastComma >= 0 && (endsAtComma || inside) ? join(before.slice(0, lastComma)) : null;
  if (!metric || (bracketed && countedText)) metric = countedText || metric;
  else if (labelled && countedText) metric = `${metric} ${countedText}`;
  else if (countedText && (counted.length <= 3 || counted.some((token) => QUALIFIERS.has(token.lower))) && !unitOf(counted[0]?.lower ?? ''))
    // "Stock above 10 units": a word of counting after the number says what it counts in, as a unit would.
    metric = MEASURES.test(metric) || /^(?:units|items|pieces)$/.test(countedText) ? `${metric} (${countedText})` : `${countedText} ${metric}`;
  if (threshold.timeOf && metric) metric = `${metric.replace(/(\S+)$/, (word) => singular(word))} ${threshold.timeOf}`;
  if (!metric && afterMetric.length > 0) metric = metricText(afterMetric);
  if (!metric && unitLabel) {
    metric = unitLabel.slice(2, -1);
    unitLabel = '';
  }
  // "fewer than 1 in 200 orders fail": what the counted things do.
  const countedFirst =
    before.every((token) => clause.used[clause.tokens.indexOf(token)] || token.kind === 'symbol') &&
    view.findIndex((_, index) => index > threshold.quantity.end && clause.used[index]) < view.indexOf(counted[0] as Token);
  if (after.per && countedText && metric === countedText && countedFirst && !unitOf(after.per.unit) && !TIME_NAMES_SET.has(after.per.unit)) metric = `${after.per.unit} that ${countedText}`;
  // A name made of words before the comparison and words after the quantity: glued, so nothing more is added to it.
  const glued = counted.length > 0 && metricText(label.metric, threshold.quantity.unit) !== '';
  // "Members … live in at least 4 timezones", "Specifications must have at least one …": the count is the
  // object of the words before it, so it counts per subject or something else than a glued name says.
  const lastBefore = before.filter((token) => token.kind === 'word').at(-1)?.lower ?? '';
  // A plain count only: "at least 30% of patients over 65" or "50 patients in 3 sites" say more than what the owner holds.
  const owner = glued && POSSESSION.has(lastBefore) && threshold.quantity.unit === null && !after.per ? ownerOf(clause, before) : null;
  if (owner) return { metric: `${countedText} in ${owner}`, unitLabel, label, apart, glued, object: null };
  const object = glued && (lastBefore === 'in' || POSSESSION.has(lastBefore)) ? join(before) : null;
  return { metric, unitLabel, label, apart, glued, object };
}

/** Why the quantity cannot be read as it stands: signed, a scope per thing, points with no baseline, a band either way. */
function quantityProblem(
  clause: Clause,
  view: readonly Token[],
  threshold: Threshold,
  parts: { metric: string; shown: string; changed: boolean; after: ReturnType<typeof findAfterThreshold> },
): string | null {
  const { quantity } = threshold;
  const { metric, shown, changed, after } = parts;
  // "conversion +5% or more": a signed amount is a change, from a figure the bullet does not name.
  const sign = clause.tokens[quantity.start - 1];
  if (!changed && sign && ['+', '-', '−'].includes(sign.text) && !clause.tokens[quantity.start]?.spaced && clause.tokens[quantity.start - 2]?.kind !== 'number')
    return `\`${sign.text}${shown}\` is signed, a change from a figure the bullet does not name; write the change with what it is measured against, such as \`${metric} ≥ ${shown} ${sign.text === '+' ? 'above' : 'below'} the control group\``;
  // "increased by 2 to 3 seconds", "goes from 2% to 3%": a range after "by" or "from" is a change, not a level.
  const before = clause.tokens[quantity.start - 1]?.lower;
  if (quantity.upper !== null && (before === 'by' || before === 'from'))
    return `\`${shown}\` after "${before}" is a change, not a band the level stays in; write the level it must reach, or the least change, such as \`${metric} ≥ ${formatQuantity(quantity.value, quantity.unit)} above baseline\``;
  // "Forecast accuracy within 10%": with no baseline, "within" a percentage is a tolerance on something else (the error).
  if (!changed && quantity.unit === '%' && clause.tokens[threshold.opStart]?.lower === 'within')
    return `\`within ${shown}\` is a tolerance, not a level of \`${metric}\`; write what may differ and from what, such as \`forecast error ≤ ${shown}\` or \`within ${shown} of baseline\``;
  // "broken for more than 1 operating day": after "for", a number of days of some kind is a duration in a unit the reader does not know.
  const timeAfter = clause.tokens.slice(quantity.end, quantity.end + 2).some((token) => TIME_NAMES_SET.has(singular(token.lower)));
  if (quantity.unit === null && clause.tokens[threshold.opStart - 1]?.lower === 'for' && timeAfter)
    return `\`for ${join(clause.tokens.slice(threshold.opStart, quantity.end + 2))}\` reads as a time in a unit the reader does not know; write it in minutes, hours or days`;
  // "Disk fills faster than 1 GB/hour": "faster" means less time, which fits a duration only.
  const speed = clause.tokens.slice(threshold.opStart, quantity.start).find((token) => ['faster', 'slower', 'quicker', 'sooner'].includes(token.lower));
  if (speed && !isTimeUnit(quantity.unit)) return `\`${speed.text}\` says less or more time while \`${shown}\` is no time; write "more than" or "less than"`;
  // "reduced by up to 50%": a change of up to X is met by no change at all.
  if (clause.tokens.slice(Math.max(0, threshold.opStart - 1), quantity.start).some((token, index, list) => token.lower === 'by' && list[index + 1]?.lower === 'up' && list[index + 2]?.lower === 'to'))
    return `\`by up to ${shown}\` is met by no change at all; write the least change it must reach, such as "by at least ${shown}"`;
  // "< 1% per day for 7 days": a daily figure held over a longer time; the reading has one window, not both.
  if (after.window && clause.window) return `it has a daily figure (\`${after.window.text}\`) over \`${clause.window.value.text}\`; write one bullet per window`;
  // "≥ 99.5% per hub": a percentage per thing is a scope, not a rate.
  if (quantity.unit === '%' && after.per && !TIME_NAMES_SET.has(after.per.unit))
    return `it has \`${shown}\` per ${after.per.unit}, a scope the reader cannot hold; name the metric for one ${after.per.unit}, or drop "per"`;
  // "30 points per sprint", "650 points": points are percentage points only against a baseline.
  if (quantity.unit === 'pp' && !changed && ['points', 'point', 'pts', 'pt'].includes(clause.tokens[quantity.end - 1]?.lower ?? ''))
    return `it counts \`${shown}\` with no baseline, where points are not percentage points; write "pp" against a baseline, or drop "points"`;
  // "Conversion drop under 1 pp": percentage points are a difference, which a level with no baseline is not.
  if (quantity.unit === 'pp' && !changed)
    return `\`${shown}\` is a difference in percentage points, with no baseline to differ from; write it against one, such as \`${metric} ≥ ${shown} below baseline\``;
  // "no more than 2% either way" is a band, as "±" is.
  const eitherWay = view.some((token, index) => token.lower === 'either' && view[index + 1]?.lower === 'way');
  if (eitherWay && !changed) return `it allows \`${shown}\` either way; write both limits, such as \`between -${shown} and ${shown}\``;
  // "within ±2%" with no baseline is a band around zero: the reading has no way to hold the lower side.
  if (!changed && clause.tokens.slice(Math.max(0, threshold.opStart), quantity.start + 1).some((token) => ['±', '+/-'].includes(token.text)))
    return `it allows \`±${shown}\` either way; write both limits, such as \`between -${shown} and ${shown}\``;
  return null;
}

/** "No crash rate > 1%": no value of the metric past the threshold, so the threshold turned round; the metric without its "no". */
function turnRound(clause: Clause, threshold: Threshold, metric: string): string | ClauseResult {
  if (!/^no /i.test(metric) || !threshold.op || clause.tokens[0]?.lower !== 'no') return metric;
  const named = metric.slice(3);
  // "NO Error rate < 1%", "No - error rate < 1%": a checklist's answer; "No of P1s = 0": the number of them; "No stores with
  // error rate > 1%": none of the things the threshold picks out, a count of them, which the threshold turned round is not.
  const first = clause.tokens[0];
  const answer = first?.text === 'NO' || ['-', '–', '—', ':', ']', '*'].includes(clause.tokens[1]?.text ?? '');
  const picked = clause.tokens.slice(1, threshold.opStart).some((token) => ['with', 'where', 'whose', 'having', 'that'].includes(token.lower));
  // "No P1s = 0" says none twice; "No refunds > $500" may cap each refund or all of them; a trigger of none fires on what?
  const unit = threshold.quantity.unit;
  const each = /s$/i.test(named) && unit !== null && unit !== '%' && !isTimeUnit(unit);
  const doubled = threshold.op === '=' || threshold.op === '!=' || clause.context.kind === 'rollback';
  if (answer || picked || each || doubled || /^of\b/i.test(named))
    return {
      unsure: `\`${first?.text ?? 'No'} ${named}\` may be an answer, a number of things, or none of the things the threshold picks out; write the count, such as \`${named.replace(/^of /i, '')} with … = 0\`, or the metric alone`,
    };
  // "No downtime, or under 5 minutes" allows some: the "or" offers the limit instead of turning it round.
  const offered = clause.tokens.slice(1, threshold.opStart).some((token) => token.lower === 'or' || token.text === ',' || token.text === '(');
  const shown = join(clause.tokens.slice(threshold.quantity.start, threshold.quantity.end));
  if (offered) return { unsure: `it says none, or a limit: write the limit alone, such as \`${named} ${COMPARATOR_SIGNS[threshold.op]} ${shown}\`` };
  clause.place(0, 1, 'comparison');
  threshold.op = FLIP[threshold.op];
  clause.notes.push(`Read "no ${named} ${COMPARATOR_SIGNS[FLIP[threshold.op]]} …" as ${named} ${COMPARATOR_SIGNS[threshold.op]} the threshold.`);
  return named;
}

/** Reads the clause from its threshold: baseline, qualifiers after it, metric, then the criterion or criteria. */
export function readComparison(clause: Clause, threshold: Threshold, context: ClauseContext): ClauseResult {
  const { quantity } = threshold;
  const baseline = threshold.between ? { baseline: null, metric: [] } : attachBaseline(clause, clause.free(), threshold);
  if ('unsure' in baseline) return baseline;
  const after = findAfterThreshold(clause, clause.free(), threshold);
  const view = clause.free();
  const named = nameMetric(clause, view, threshold, after, baseline.metric);
  if (named.apart) return { unsure: `the words \`${named.apart}\` before the comma are a claim of their own, with no threshold; give them a bullet of their own, or drop them` };
  if (named.object) return { unsure: `the count is what \`${named.object}\` ends on, not a name of its own; write what is counted first, such as \`timezones the members live in ≥ 4\`` };
  // "Resolved in one day ≥ 80%": with no subject, the verb's time names what is measured.
  let metric = named.metric || (threshold.timeOf ?? '');
  const percentileOf = clause.percentile ?? (named.label.percentile === null ? null : { value: named.label.percentile });
  // "…, median over 7 days" names no latency: "over" a day or more there is the window of another clause.
  const windowLike = clause.tokens[threshold.opStart]?.lower === 'over' && (SECONDS[quantity.unit ?? 's'] ?? 0) >= 86_400;
  // "…, < 45 min at p95": with no word before the comparison, a percentile after it names nothing ("p95 < 45 min" is latency).
  const percentileAfter = clause.percentile !== null && clause.percentile.start >= quantity.end && clause.tokens[clause.percentile.start]?.lower === 'at';
  if (percentileOf && isTimeUnit(quantity.unit) && !metric && !windowLike && !percentileAfter) {
    metric = 'latency';
    clause.notes.push(`Read \`p${percentileOf.value}\` of a duration as p${percentileOf.value} latency.`);
  }
  if (!metric && context.label) metric = metricText(readLabel(tokenize(context.label)).metric);
  const turned = turnRound(clause, threshold, metric);
  if (typeof turned !== 'string') return turned;
  metric = turned;
  const shown = join(clause.tokens.slice(quantity.start, quantity.end));
  const shareOf = shareProblem(clause, view, threshold, shown);
  if (shareOf) return { unsure: shareOf };
  if (!metric) return { unsure: `it has the threshold \`${shown}\` but says not what is measured` };
  // A name glued from words on both sides of the threshold takes no scope as well: "… green with >80% coverage for new code".
  const scope = named.glued ? null : findTrailingScope(clause, view, quantity.end);
  if (scope) {
    metric = `${metric} ${join(view.slice(scope.start, scope.end))}`;
    clause.use(scope.start, scope.end);
    clause.place(scope.start, scope.end, 'metric');
  }
  const changed = baseline.baseline !== null;
  const problem = quantityProblem(clause, view, threshold, { metric, shown, changed, after }) ?? thresholdProblem(clause, threshold, metric, shown, baseline.baseline);
  if (problem) return { unsure: problem };
  if (!threshold.op && !threshold.between) return { unsure: `it has \`${shown}\` but no comparison` };
  // "Latency increases by more than 10%" under the exit criteria aims at a change for the worse.
  const aimed = context.kind === 'exit' && baseline.baseline && ['>', '>='].includes(threshold.op ?? '') ? worseChange(metric, baseline.baseline.direction) : null;
  if (aimed) return { unsure: aimed };
  // "Δ error rate > 5%" names a change of a rate as its metric.
  const moved = baseline.baseline?.change === 'relative' || /^(?:Δ|delta)\s/i.test(metric) ? movedRatio(clause, threshold, tokenize(metric)) : null;
  if (moved) return { unsure: moved };
  const criterion: ParsedCriterion = {
    ...blank(metric + named.unitLabel, threshold.between ? 'between' : (threshold.op ?? '='), quantity.value, quantity.unit ?? named.label.unit),
    upper: threshold.between ? quantity.upper : null,
    scale: quantity.scale,
    per: after.per,
    window: after.window,
    percentile: named.label.percentile,
    baseline: baseline.baseline,
  };
  // "ip_errors_total, reconcile_errors_total should be 0": one threshold for each named series.
  const names = metric.split(/\s*(?:,|\band\b)\s*/).filter(Boolean);
  if (names.length > 1 && names.every((name) => /^`[^`]+`$|^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(name))) return clause.finish(names.map((name) => ({ ...criterion, metric: name })));
  return clause.finish([criterion]);
}
