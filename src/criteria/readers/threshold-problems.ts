/** Why a comparison's reading cannot be taken, past its quantity: what it names, how it is worded, or which list it is in. */
import type { Clause } from '../clause.ts';
import { COMPARATOR_SIGNS } from '../describe-reading.ts';
import type { Threshold } from '../finders/threshold.ts';
import { AGED, AGED_PLACES, BASELINE_NAMES, EDGES } from '../lexicon.ts';
import { AGREEING, FAULTS, GRAVE_EVENTS, GRAVE_FAULTS } from '../lexicon-counts.ts';
import { metricPolarity } from '../metric-polarity.ts';
import { joinTokens as join } from '../metric-text.ts';
import type { Baseline } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { CURRENCIES, isTimeUnit } from '../units.ts';
import { bandChange } from './band-change.ts';
import { healthyTrigger } from './healthy-trigger.ts';
import { multipleProblem } from './multiple-problem.ts';

/** "1% of orders" after a comparison, or "95% baseline": a share of something, which is no figure to compare with. */
export function shareProblem(clause: Clause, view: readonly Token[], threshold: Threshold, shown: string): string | null {
  const { quantity } = threshold;
  const ofAt = view.findIndex((_, index) => index >= quantity.end && !clause.used[index]);
  // "Less than 30 minutes of downtime" is how much of it, not a share.
  const of = () => join(view.slice(ofAt + 1).filter((token) => token.kind !== 'symbol'));
  // "Error rate ≤ 5% of baseline": a twentieth of it, or within 5% of it (the share refiner leaves only these).
  if (view[ofAt]?.lower === 'of' && ofAt === quantity.end && quantity.unit === '%' && BASELINE_NAMES.test(view[ofAt + 1]?.lower ?? ''))
    return `\`${shown} of ${of()}\` may be that share of it or a change of ${shown} from it; write \`${COMPARATOR_SIGNS[threshold.op ?? '<='] ?? '≤'} ${quantity.value / 100}x ${of()}\` for the share, or \`${shown} above ${of()}\` for the change`;
  if (view[ofAt]?.lower === 'of' && ofAt === quantity.end && !isTimeUnit(quantity.unit)) return `\`${shown}\` is a share of \`${of()}\`, which is no figure to compare with`;
  // "Engagement < 95% baseline", "errors > 5% baseline": a share of the baseline, or a change from it.
  const next = view[quantity.end]?.text;
  if (quantity.unit === '%' && BASELINE_NAMES.test(next?.toLowerCase() ?? ''))
    return `\`${shown} ${next}\` may be a share of the baseline or a change from it; write \`${shown} of ${next}\` for the share, or \`${shown} above ${next}\` for the change`;
  return null;
}

// Nouns of a thing done to each case: within a time, the share done by then.
const DONE_WITHIN = /^(?:resolution|response|completion|delivery|dispatch|fulfil(?:l)?ment|answer|reply|closure|repair|turnaround|approval|payment|settlement|processing)$/i;

/** "Any P0 bug within 48 hours": whether one occurs in that time, not a time of its own. */
function occursWithin(clause: Clause, threshold: Threshold, metric: string): string | null {
  // "Tickets resolved ≥ 90% within 4 hours": the share resolved in that time, which no window of the share holds.
  const within = clause.windowLink === 'within';
  const head = metric.slice(metric.lastIndexOf(' ') + 1).toLowerCase();
  // "Resolution in one day ≥ 80%": the share of cases done in a day, which no window of a resolution rate holds.
  const done = (within && /(?:ed|ne)$/.test(head)) || (['within', 'in'].includes(clause.windowLink) && DONE_WITHIN.test(head));
  if (done && threshold.quantity.unit === '%') return `\`${metric}\` within a time is a share done in that time; write it as a share, such as "at least 90% of tickets resolved within 4 hours"`;
  // "P0 bug within 24 hours" or "within 2 sprints", as "Any P0 bug within …": a fault named alone within a span asks
  // whether one occurs. "Errors within 5% of baseline" is a tolerance; "Fix for critical defects within 48 hours" a time.
  if (clause.tokens[threshold.opStart]?.lower !== 'within' || threshold.quantity.unit === '%') return null;
  const names = metric.toLowerCase().split(' ');
  const severity = /^(?:sev-?\d|p\d)$/.test(head) || head === 'loss';
  const fault = !names.some((word) => EDGES.has(word)) && (severity || [head, `${head}s`, `${head}es`].some((word) => FAULTS.has(word)) || GRAVE_EVENTS.has(head) || GRAVE_FAULTS.has(head));
  // A task on faults has a deadline ("Acknowledge P1 incidents within 15 minutes"); "Patch failure" is a fault.
  if (!/^any /.test(metric) && (!fault || TASK_VERBS.test(metric) || (TASKS.test(metric) && /s$/.test(head)))) return null;
  return `\`${metric}\` within a time asks whether one occurs then; write the count, such as "P0 bugs in the first 48 hours ≥ 1"`;
}

/** "Conversion ≥ 2% (vs baseline)": a change from the baseline, unless the name is one already ("time savings"). */
function versusProblem(clause: Clause, metric: string): string | null {
  if (!clause.versusAside || /\b(?:savings?|reduction|improvement|increase|decrease|lift|uplift|growth|delta|difference|change|gain|accuracy|agreement|match)\b/i.test(metric)) return null;
  return `the aside \`${clause.versusAside}\` makes the figure a change from a baseline; write it as one, such as \`${metric} ≥ 2% above baseline\``;
}

/** "creeps back up to 12%": "up to" after a rise may be where it reaches or the most it may reach. */
function riseUpTo(clause: Clause, threshold: Threshold): string | null {
  // "creeps back up to > 2%" gives its comparison after "to": that is a level, as "rises to > 2%" is.
  const at = clause.tokens.findIndex(
    (token, index) => index < threshold.quantity.start && token.lower === 'up' && clause.tokens[index + 1]?.lower === 'to' && clause.tokens[index + 2]?.kind !== 'symbol',
  );
  if (at < 1) return null;
  const before = clause.tokens[at - 1]?.lower ?? '';
  if (!/(?:s|ed)$/.test(before) && before !== 'back') return null;
  return `\`${clause.tokens[at - 1]?.text} up to\` may say where it reaches or the most it may reach; write "reaches at least …" or "at most …"`;
}

/** "Stock on hand reaches 0": at least nought holds always, so it decides nothing. */
function holdsAlways(threshold: Threshold, metric: string): string | null {
  if (threshold.op !== '>=' || threshold.quantity.value !== 0) return null;
  return `\`${metric} ≥ 0\` holds always; write the level that decides, such as "${metric} ≤ 0" for none left`;
}

/** Whether a name counts things that age, wait or sit somewhere: "tickets open", "pallets in staging". */
export const agesOrWaits = (name: string) => AGED.test(name) || AGED_PLACES.test(name);

/** "More than 2 defects open for more than 48 hours": how long each stays open, or a span with that many open? */
function agedFor(clause: Clause, threshold: Threshold, metric: string): string | null {
  // "No tickets open longer than 30 days": a time of things that age is how long each has waited.
  if (AGED.test(metric) && isTimeUnit(threshold.quantity.unit)) return `\`${metric}\` for a time may say how long each stays open; write "${metric} older than …" or the span apart`;
  // "Incidents lasting over 30 minutes = 0": before the comparison, "lasting" says how long each one counted lasts.
  if (clause.windowLink === 'lasting' && (clause.window?.start ?? 0) < threshold.opStart)
    return `\`lasting\` before the comparison may say how long each of the \`${metric}\` lasts; where none may, write how long the longest may last ("longest ${metric.replace(/s$/, '')} ≤ …"); a window goes after the threshold`;
  // "Outages = 0 lasting more than 30 minutes": after a count, how long each one lasts, or a count held that long?
  if (clause.windowLink === 'lasting' && threshold.quantity.unit === null)
    return `\`lasting\` after a count may say how long each of the \`${metric}\` lasts, or how long the count holds; where none may last so long, write how long the longest may last ("longest ${metric.replace(/s$/, '')} ≤ …")`;
  if (!['for', 'lasting', 'over'].includes(clause.windowLink) || !agesOrWaits(metric)) return null;
  return `\`${metric}\` for a time may say how long each stays open; write "${metric} older than …" or the span apart`;
}

// Names that count events: "P1 incidents", "failed orders".
const COUNTED = /(?:errors|orders|bugs|defects|incidents|outages|failures|crashes|tickets|complaints|issues|alerts|escalations|rollbacks|count|\b[1-5]xx)$/i;
// Words that make a count's name a time: "resolve P1 incidents", "old bugs", "MTTR".
const LASTING = /\b(?:resolve|fix|close|acknowledge|respond|triage|restore|recover|old|mttr|mtbf|mttd|mtta)\b/i;
// Verbs that are never the name of a fault: "Acknowledge P1 incident within 15 minutes" is a task.
const ONLY_VERBS = ['acknowledge', 'remediate', 'root-cause', 'investigate', 'escalate', 'resolve', 'respond', 'triage'];
const TASK_VERBS = new RegExp(`^(?:${ONLY_VERBS.join('|')})\\b`, 'i');
// Tasks with a deadline, with the verbs that may also name a fault ("Patch failure"): "Remediate findings within 30 days".
const TASKS = new RegExp(`^(?:${[...ONLY_VERBS, 'patch', 'address', 'review', 'report', 'document', 'fix', 'close', 'restore', 'recover'].join('|')})\\b`, 'i');
// Things each timed on its own: "No requests over 500 ms" is each request's time.
const EACH_TIMED = /(?:requests|queries|calls|loads|transactions|searches|lookups)$/i;
// Names ending in things counted: a plural, or an event named in the singular ("No error over 7 days").
// A participle after the name says where they were counted: "P1 incidents reported", "defects logged".
const COUNT_NAME = /(?:[a-z0-9]s|error|incident|bug|defect|outage|failure|crash|deployment|alert|page|ticket|complaint)(?: (?:reported|found|logged|detected|seen|raised|opened|recorded|observed))?$/i;

/** "p95 errors < 10", "Failed orders at p99 < 5": a count of events has no percentile of its own. */
function countPercentile(clause: Clause, threshold: Threshold, metric: string): string | null {
  if (!clause.percentile || threshold.quantity.unit !== null || !COUNTED.test(metric)) return null;
  return `\`${metric}\` counts events, which have no percentile of their own; write the count, or the percentile of a time`;
}

/**
 * "No errors over 7 days", "Incidents over 2 hours", "No P0 bugs for ≥ 7 days": a count against a time written as a span
 * ("over", "for ≥", "no … within") is the span they are counted over, or how long each lasts. A name that relates them
 * to something ("time to resolve P1 incidents", "response to P1 alerts") is a time of its own.
 */
function countAgainstTime(clause: Clause, threshold: Threshold, metric: string, shown: string): string | null {
  if (!isTimeUnit(threshold.quantity.unit)) return null;
  const word = clause.tokens[threshold.opStart]?.lower ?? '';
  const before = clause.tokens[threshold.opStart - 1]?.lower ?? '';
  const span = word === 'over' || ['for', 'in', 'during', 'over'].includes(before) || (clause.tokens[0]?.lower === 'no' && word === 'within');
  const plain = !EACH_TIMED.test(metric) && !metric.split(' ').some((each) => EDGES.has(each.toLowerCase()));
  const counted = COUNT_NAME.test(metric) && !/ss$/i.test(metric) && plain;
  // "Failed logins > 15 minutes", "Errors > 10 minutes": faults named in the plural, compared with a time by any word.
  // Outages and incidents last ("All outages < 5 minutes"), a regression has a size ("Latency regressions > 50 ms");
  // "Resolve P1 incidents < 4 hours" and "Bugs < 5 days old" time them.
  const head = metric.split(' ').at(-1)?.toLowerCase() ?? '';
  const faults =
    plain &&
    !LASTING.test(metric) &&
    !TASKS.test(metric) &&
    !AGED.test(metric) &&
    ((FAULTS.has(head) && !['outages', 'incidents', 'regressions'].includes(head)) || /^(?:failed|rejected|dropped|declined|denied) \S+s$/i.test(metric));
  if (!(span ? counted : faults)) return null;
  const count = clause.context.kind === 'rollback' ? '≥ 1' : '= 0';
  return `\`${metric}\` counts events while \`${shown}\` is a time: the span they are counted over, or how long each lasts; write the count with its span, such as \`${metric} ${count} over ${shown}\`, or name the time, such as \`${metric.replace(/s$/, '')} duration ≤ ${shown}\``;
}

/** "below 2025 average": a year's figure to compare with; "(iOS 17+)": the versions a bullet applies to. Neither is a threshold. */
function namedFigure(clause: Clause, threshold: Threshold): string | null {
  const { quantity } = threshold;
  const year = quantity.unit === null && Number.isInteger(quantity.value) && quantity.value >= 1990 && quantity.value <= 2100;
  // "below 2025 average", "≥ 2024 cohort", "below 2025 Q1 average".
  const named = [0, 1].map((offset) => clause.tokens[quantity.end + offset]?.lower ?? '').find((word) => /^(?:average|baseline|levels?|actuals|benchmarks?|cohort)$/.test(word));
  if (year && named) return `\`${quantity.value} … ${named}\` is a year's figure to compare with, which the reading cannot hold; give the figure itself, or write the change from it`;
  const before = clause.tokens[quantity.start - 1]?.lower ?? '';
  if (quantity.plus && /^(?:ios|android|windows|macos|tls|chrome|safari|firefox|edge|api|version|v)$/.test(before))
    return `\`${clause.tokens[quantity.start - 1]?.text} ${quantity.value}+\` names the versions it applies to, not a threshold; write the threshold, and the versions in the metric's name`;
  return null;
}

// Events counted as they happen, besides faults: a number of them held "for" a time adds up.
const EVENTS_COUNTED =
  /(?:responses|declines|chargebacks|timeouts|restarts|kills|retries|deliveries|shipments|parcels|no-shows|walkouts|rejections|cancellations|returns|exceptions|reports|signups|sign-ups|logins|transactions|sessions|visits|bookings|calls|requests)(?: [a-z]+ed)?$/i;

/** "Downtime > 10 minutes for 24 hours": time down adds up over a span, which no hold of it says. */
function accruedHold(clause: Clause, threshold: Threshold, metric: string, shown: string): string | null {
  if (clause.window?.value.kind !== 'sustained' || clause.tokens.some((token) => token.lower === 'per' || token.text === '/')) return null;
  // "Errors > 500 for 10 minutes", "Refunds > $10,000 for 1 day", "Outage minutes > 10 for 24 hours": counts and sums too.
  const unit = threshold.quantity.unit;
  // "Concurrent sessions > 10,000 for 10 minutes" is a level held; "Calls > 500 for 1 hour" adds up.
  const level = /^(?:concurrent|active|open|queued|simultaneous|live|online|offline|idle|connected)\b|\b(?:pods|replicas|instances|nodes|connections|workers|threads|consumers|members|seats)$/i.test(
    metric,
  );
  // Any other plural with no unit adds up too: "Tickets created > 200 for 1 day", "Warnings > 500 for 10 minutes".
  const plural = /[a-z]s(?: [a-z]+ed| to \w+)?$/i.test(metric) && !/ss$/i.test(metric);
  // "Data mismatches = 0 for 7 days": none held is none in the span.
  const counted =
    unit === null && !level && threshold.quantity.value !== 0 && (plural || COUNTED.test(metric) || EVENTS_COUNTED.test(metric) || /^(?:failed|rejected|declined|dropped) \S+s$/i.test(metric));
  // "Offline time > 10 min for 24 h": the time something is down, as downtime is.
  const down = /\b(?:overtime|egress|ingress|downtime|unavailability|minutes|hours|duration|outage|(?:offline|down|outage|unavailable) time|time (?:offline|down|unavailable))$/i.test(metric);
  if (!down && !counted && !(unit !== null && CURRENCIES.has(unit))) return null;
  return `\`${metric}\` adds up over a span, where "for" holds a level throughout; write the span with "over", such as "${metric} ${COMPARATOR_SIGNS[threshold.op ?? '>'] ?? '>'} ${shown} over …"`;
}

// The verb of agreeing ends the name or nearly: "Tills match", "Ledger matches bank".
const AGREED = new RegExp(`\\b(?:${[...AGREEING].join('|')})(?:\\s+\\S+){0,2}$`);

/** "Tills match within $0.50": things that agree name no figure; a share of them that match ("≥ 99.9%") does. */
function agreement(clause: Clause, threshold: Threshold, metric: string): string | null {
  // "Tills within $0.50": a tolerance of each till's difference, not a level of the tills.
  const unit = threshold.quantity.unit;
  if (clause.tokens[threshold.opStart]?.lower === 'within' && unit !== null && CURRENCIES.has(unit))
    return `\`within\` an amount is a tolerance, not a level of \`${metric}\`; write the difference, such as "largest till difference ≤ $0.50"`;
  // "Smart Match pipeline" names a thing: the verb is in lower case.
  if (threshold.quantity.unit === '%' || !AGREED.test(metric)) return null;
  return `\`${metric}\` says things agree, not what is measured; write the difference, such as "largest till difference ≤ $0.50"`;
}

/** "Delivery times < 2 per week": "times" with a count is how often, where "Response times < 500 ms" are times. */
function timesCounted(threshold: Threshold, metric: string): string | null {
  if (!/ times$/i.test(metric) || isTimeUnit(threshold.quantity.unit)) return null;
  return `\`${metric}\` with a count may say how often, not a time; write the count, such as "deliveries ≤ 2 per week"`;
}

/** "Error rate of 1% or better": "better" is up only for a thing better higher; of one better lower it is at most. */
function orBetter(clause: Clause, threshold: Threshold, metric: string): string | null {
  const at = threshold.quantity.end + (clause.tokens[threshold.quantity.end]?.text === '%' ? 1 : 0);
  const said = ['better', 'worse'].find((word) => clause.tokens.slice(at, at + 3).some((token) => token.lower === word) && clause.tokens.slice(at, at + 3).some((token) => token.lower === 'or'));
  if (!said || metricPolarity(metric) === 'higher') return null;
  return `\`or ${said}\` says a direction, and a ${metricPolarity(metric) === 'lower' ? 'lower' : 'higher or a lower'} \`${metric}\` may be the better one; write the comparison, such as "${metric} ≤ ${join(clause.tokens.slice(threshold.quantity.start, threshold.quantity.end))}"`;
}

/** The first reason a comparison's reading cannot be taken, past its quantity. */
export function thresholdProblem(clause: Clause, threshold: Threshold, metric: string, shown: string, baseline: Baseline | null): string | null {
  const changed = baseline !== null;
  return (
    namedFigure(clause, threshold) ??
    orBetter(clause, threshold, metric) ??
    riseUpTo(clause, threshold) ??
    agedFor(clause, threshold, metric) ??
    holdsAlways(threshold, metric) ??
    accruedHold(clause, threshold, metric, shown) ??
    bandChange(clause, threshold, metric) ??
    agreement(clause, threshold, metric) ??
    timesCounted(threshold, metric) ??
    countPercentile(clause, threshold, metric) ??
    countAgainstTime(clause, threshold, metric, shown) ??
    multipleProblem(clause, threshold, metric, shown, changed) ??
    occursWithin(clause, threshold, metric) ??
    versusProblem(clause, metric) ??
    healthyTrigger(clause, threshold, metric, baseline)
  );
}
