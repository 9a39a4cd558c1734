import { describeThreshold, formatNumber, formatQuantity } from '../criteria/describe-reading.ts';
import { metricKey, observationKey, observationName } from '../criteria/metric-key.ts';
import { CURRENCIES, convertUnit } from '../criteria/units.ts';
import type { PlanCriteria } from '../model/plan-criteria.ts';
import type { PilotDates } from '../model/time-box.ts';
import type { Comparator, Criterion, Unit } from '../schemas/criterion-schema.ts';
import type { Observation } from '../schemas/results-schema.ts';
import { elapsed } from './elapsed-time.ts';

export type Decision = 'scale' | 'iterate' | 'rollback';

export interface SeriesReading {
  at: string;
  ms: number;
  /** In the criterion's terms: its unit, or the change from the baseline. */
  value: number;
  /** As the results file gives it, in the observation's unit. */
  raw: number;
  /** The baseline's figure at this reading, when the results give one per reading. */
  base?: number | undefined;
  breach: boolean;
}

interface Outcome {
  criterion: Criterion;
  /** The value that decided, in the criterion's terms; null without data. */
  observed: number | null;
  /** That value as the results file gives it, in its own unit ("35 min"), for people to read. */
  shown: string | null;
  /** Why it came out so, in a sentence. */
  note: string;
  /** The readings, converted, when the observation was a series. */
  series: SeriesReading[] | null;
  /** For a sustained breach: when it began and ended. */
  span: { from: string; to: string } | null;
}

export interface CriterionOutcome extends Outcome {
  status: 'met' | 'not-met' | 'no-data';
}

export interface TriggerOutcome extends Outcome {
  status: 'fired' | 'not-fired' | 'no-data';
}

export interface EvaluationProblem {
  /** Index into `observations`, for positioning the message in the results file. */
  observation: number;
  field: string | null;
  severity: 'error' | 'warning';
  message: string;
  /** Lines of the plan that explain it: the criteria an observation cannot serve both of. */
  related?: Array<{ line: number; message: string }>;
}

export interface Evaluation {
  decision: Decision;
  /** Why the decision came out so, most important first. */
  reasons: string[];
  criteria: CriterionOutcome[];
  triggers: TriggerOutcome[];
  problems: EvaluationProblem[];
}

export { metricKey };

/** Whether a value satisfies a comparison; `upper` is the high bound of `between`. */
export function compare(value: number, comparator: Comparator, threshold: number, upper: number | null = null): boolean {
  // Rounding noise from unit conversion must not flip a boundary case such as 0.5 ≤ 0.5.
  const round = (number: number) => Math.round(number * 1e9) / 1e9;
  const a = round(value);
  const b = round(threshold);
  switch (comparator) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case 'between':
      return a >= b && a <= round(upper ?? threshold);
  }
}

class ObservationError extends Error {
  field: string | null;
  constructor(message: string, field: string | null = null) {
    super(message);
    this.field = field;
  }
}

/**
 * Rounds as the author wrote the threshold, one digit finer: 27.381 against "15%" shows 27.4. Never so
 * far that the shown value lands on the other side of a limit: 0.504 against "≤ 0.5%" shows 0.504.
 */
function asWritten(value: number, criterion: Criterion): number {
  const decimals = (number: number | null) => (number === null ? 0 : (String(number).split('.')[1]?.length ?? 0));
  const limits = [criterion.value, criterion.upper].filter((limit): limit is number => limit !== null);
  for (let digits = Math.max(decimals(criterion.value), decimals(criterion.upper)) + 1; digits < 6; digits++) {
    const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
    if (limits.every((limit) => Math.sign(rounded - limit) === Math.sign(value - limit))) return rounded;
  }
  return value;
}

/**
 * A value in a criterion's terms, or in `unit` when the results give it in another ("35 min" against
 * "< 1 h"): as given when given, else rounded as the threshold is written. "0.25%", "2 per pay run".
 */
export function formatValue(value: number, criterion: Criterion, unit: Unit | null = criterion.unit, given = false): string {
  const per = criterion.per === null ? '' : ` per ${criterion.per.count === 1 ? '' : `${formatNumber(criterion.per.count)} `}${criterion.per.unit}`;
  const shown = given ? value : asWritten(value, criterion);
  // Closer to a limit than six decimals show: say which side, never show it equal to the limit.
  const limit = [criterion.value, criterion.upper].find((each) => each !== null && formatNumber(each) === formatNumber(shown) && each !== value);
  const side = limit === undefined || limit === null ? '' : value > limit ? 'just over ' : 'just under ';
  return `${side}${formatQuantity(shown, unit, criterion.scale)}${per}`;
}

/** Converts one observed number into the criterion's unit and scale. */
function convert(value: number, observation: Observation, criterion: Criterion): number {
  const from: Unit | null = observation.unit ?? criterion.unit;
  let converted = value;
  if (from !== criterion.unit) {
    const into = from === null || criterion.unit === null ? null : convertUnit(value, from, criterion.unit);
    if (into === null) {
      const currencies = from !== null && criterion.unit !== null && CURRENCIES.has(from) && CURRENCIES.has(criterion.unit);
      throw new ObservationError(
        `Unit \`${from ?? 'none'}\` cannot be compared with \`${criterion.text}\`, which is in ${criterion.unit === null ? 'plain numbers' : `\`${criterion.unit}\``}.${currencies ? ' Currencies are not converted;' : ''} Give the value in \`${criterion.unit ?? 'no unit'}\`.`,
        'unit',
      );
    }
    converted = into;
  }
  if (criterion.scale !== null) {
    const scale = observation.scale ?? criterion.scale;
    if (converted < 0 || converted > scale) {
      throw new ObservationError(`Score ${formatNumber(value)} is outside its scale of 0 to ${formatNumber(scale)}. Check the value, or give \`scale\` when the score is on another scale.`, 'value');
    }
    converted = (converted * criterion.scale) / scale;
  }
  return converted;
}

/** The change from the baseline figure, in the criterion's terms: a percentage, points or a ratio. */
function change(observed: number, baseline: number, criterion: Criterion): number {
  const { change: kind, direction } = criterion.baseline ?? { change: 'points', direction: 'either' };
  if (kind !== 'points' && baseline === 0)
    throw new ObservationError(`A baseline of 0 gives no ${kind === 'ratio' ? 'ratio' : 'relative change'} for \`${criterion.text}\`; check \`baseline\`.`, 'baseline');
  const difference = direction === 'decrease' ? baseline - observed : observed - baseline;
  if (kind === 'points') return direction === 'either' ? Math.abs(difference) : difference;
  if (kind === 'relative') return ((direction === 'either' ? Math.abs(difference) : difference) / Math.abs(baseline)) * 100;
  const ratio = observed / baseline;
  return direction === 'decrease' ? 1 / ratio : direction === 'either' ? Math.max(ratio, 1 / ratio) : ratio;
}

/** A single number for the observation, in the criterion's terms; rates are computed from counts. */
function singleValue(observation: Observation, criterion: Criterion): number {
  if (observation.from && observation.to) {
    // Business days come counted; any other time converts from seconds.
    const perSecond = criterion.unit === 'business day' ? 1 : criterion.unit === null ? null : convertUnit(1, 's', criterion.unit);
    if (perSecond === null) throw new ObservationError(`Unexpected \`from\` and \`to\` for \`${criterion.text}\`, which is no time; give its \`value\`.`, 'from');
    return elapsed(observation.from.ms, observation.to.ms, criterion.unit) * perSecond;
  }
  if (observation.count !== undefined && observation.per !== undefined) {
    if (criterion.per !== null) return (observation.count / observation.per) * criterion.per.count;
    if (criterion.unit === '%') return (observation.count / observation.per) * 100;
    return observation.count;
  }
  return convert(observation.value ?? 0, observation, criterion);
}

/** The longest run of consecutive breaching readings: how long it lasted and how many readings it held. */
function longestRun(readings: readonly SeriesReading[], intervalMs: number | null): { from: SeriesReading; to: SeriesReading; seconds: number; count: number } | null {
  let best: { from: SeriesReading; to: SeriesReading; seconds: number; count: number } | null = null;
  let start: SeriesReading | null = null;
  let count = 0;
  let previous: SeriesReading | null = null;
  for (const reading of readings) {
    // Readings at regular times that skip one leave that time unknown: the run stops, as `for:` restarts.
    const gap = intervalMs !== null && previous !== null && reading.ms - previous.ms > intervalMs * 1.5;
    previous = reading;
    if (gap) {
      start = null;
      count = 0;
    }
    if (!reading.breach) {
      start = null;
      count = 0;
      continue;
    }
    start ??= reading;
    count++;
    const seconds = (reading.ms - start.ms) / 1000;
    if (!best || count > best.count || seconds > best.seconds) best = { from: start, to: reading, seconds, count };
  }
  return best;
}

// The reading furthest past the threshold in the direction that counts as a breach.
function worst(readings: readonly SeriesReading[], breachUpwards: boolean): SeriesReading | undefined {
  const pool = readings.some((reading) => reading.breach) ? readings.filter((reading) => reading.breach) : readings;
  return pool.reduce<SeriesReading | undefined>((found, reading) => (!found || (breachUpwards ? reading.value > found.value : reading.value < found.value) ? reading : found), undefined);
}

/**
 * Judges one criterion or trigger. `breaches` says whether a reading counts against the plan: for an
 * exit criterion when it misses the threshold, for a trigger when it meets the trigger's condition.
 */
function judge(criterion: Criterion, observation: Observation | undefined, kind: 'criterion' | 'trigger'): { breached: boolean | null } & Omit<Outcome, 'criterion'> {
  const empty = { series: null, span: null };
  if (!observation) return { breached: null, observed: null, shown: null, note: `No observation of \`${observationName(criterion)}\` in the results.`, ...empty };
  const { baseline, sequence, window } = criterion;
  const pointBaselines = observation.series?.some((point) => point.baseline !== undefined) ?? false;
  if (baseline && observation.baseline === undefined && !(observation.series?.every((point) => point.baseline !== undefined) ?? false)) {
    throw new ObservationError(
      `Missing \`baseline\` for \`${criterion.text}\`, which compares with ${baseline.text}. Add the figure of ${baseline.text} as \`baseline\`, in the unit of the observed values.`,
      'criterion',
    );
  }
  if (!baseline && (observation.baseline !== undefined || pointBaselines)) {
    throw new ObservationError(
      `Unexpected \`baseline\` for \`${criterion.text}\`, which compares with no baseline. Remove \`baseline\`, or write the criterion as a change from it, such as \`no more than 10% above baseline\`.`,
      'baseline',
    );
  }
  // "Two consecutive failed health checks": each reading is one check, counted when it failed.
  const counting = sequence !== null && criterion.comparator === '>=' && criterion.value === sequence.count;
  const holds = (value: number) => (counting ? value >= 1 : compare(value, criterion.comparator, criterion.value, criterion.upper));
  const breaches = (value: number) => (kind === 'trigger' ? holds(value) : !holds(value));
  const breachUpwards = kind === 'trigger' ? criterion.comparator.startsWith('>') : criterion.comparator.startsWith('<');
  // A moving baseline (the control group's figure at each reading) is given per reading, a fixed one once.
  // A change in points is in the criterion's unit ("50 ms above baseline" against readings in seconds);
  // percentage points are the difference of two percentages, and relative changes and ratios have no unit.
  const inUnit = baseline?.change === 'points' && criterion.unit !== 'pp' ? (value: number) => convert(value, observation, criterion) : (value: number) => value;
  const inTerms = (raw: number, base = observation.baseline ?? 0) => (baseline ? change(inUnit(raw), inUnit(base), criterion) : convert(raw, observation, criterion));
  const unit = observation.unit ?? criterion.unit;
  const side = baseline ? { increase: 'above', decrease: 'below', either: 'from' }[baseline.direction] : '';
  // A change that went the other way is said as such ("2.3 pp below", never "-2.3 pp above").
  const turned = (value: number) => (baseline?.change !== 'ratio' && baseline?.direction !== 'either' && value < 0 ? ({ above: 'below', below: 'above' }[side] ?? side) : side);
  const show = (raw: number, value: number, base = observation.baseline ?? 0) =>
    baseline
      ? `${formatQuantity(asWritten(baseline.change === 'ratio' ? value : Math.abs(value), criterion), criterion.unit)} ${turned(value)} ${baseline.text} (${formatNumber(raw)} against ${formatNumber(base)})`
      : formatValue(raw, criterion, unit, true);
  const sustained = window?.kind === 'sustained';
  if (observation.series) {
    const readings = observation.series
      .map((point) => {
        const value = inTerms(point.value, point.baseline);
        return { at: point.at.text, ms: point.at.ms, value, raw: point.value, base: point.baseline, breach: breaches(value) };
      })
      .sort((a, b) => a.ms - b.ms);
    const decisive = worst(readings, breachUpwards);
    const observed = decisive?.value ?? null;
    const shown = decisive ? show(decisive.raw, decisive.value, decisive.base) : null;
    if ((window && sustained) || sequence) {
      // Sustained: the condition held for the whole window. A sequence: on that many readings in a row.
      const enough = (run: { seconds: number; count: number } | null) => run !== null && (sequence ? run.count >= sequence.count : run.seconds >= (window?.seconds ?? 0));
      const length = (run: { seconds: number; count: number }) =>
        sequence ? `${run.count} ${run.count === 1 ? 'reading' : 'readings in a row'}` : `${formatNumber(Math.round((run.seconds / 60) * 1000) / 1000)} min`;
      const needed = sequence ? `it takes ${sequence.count} consecutive ${sequence.unit}` : `the window is ${window?.text ?? ''}`;
      const intervalMs = observation.interval ? observation.interval.seconds * 1000 : null;
      const run = longestRun(readings, intervalMs);
      const span = run ? { from: run.from.at, to: run.to.at } : null;
      const note = run
        ? `${kind === 'trigger' ? 'Condition' : 'Miss'} held ${length(run)} (${run.from.at} to ${run.to.at}); ${needed}.`
        : `${kind === 'trigger' ? 'Condition never held' : 'Never missed'} in ${readings.length} readings.`;
      if (kind === 'trigger') return { breached: enough(run), observed, shown, note, series: readings, span };
      const okRun = longestRun(
        readings.map((reading) => ({ ...reading, breach: !reading.breach })),
        intervalMs,
      );
      return { breached: !enough(okRun), observed, shown, note: okRun ? `Held ${length(okRun)} (${okRun.from.at} to ${okRun.to.at}); ${needed}.` : note, series: readings, span };
    }
    const breaching = readings.filter((reading) => reading.breach);
    const note = breaching.length
      ? `${breaching.length} of ${readings.length} readings ${kind === 'trigger' ? 'meet the trigger' : 'miss the threshold'}, first at ${breaching[0]?.at}.`
      : `All ${readings.length} readings ${kind === 'trigger' ? 'stay clear of the trigger' : 'meet the threshold'}.`;
    return { breached: breaching.length > 0, observed, shown, note, series: readings, span: null };
  }
  const value = baseline ? inTerms(observation.value ?? 0) : singleValue(observation, criterion);
  const breach = breaches(value);
  const shown = baseline ? show(observation.value ?? 0, value) : observation.value === undefined ? formatValue(value, criterion) : formatValue(observation.value, criterion, unit, true);
  // A single value cannot show a condition that held for a time, or on checks in a row; a count of checks in a row can.
  if (((window && sustained) || (sequence && !counting)) && (kind === 'criterion' || breach)) {
    return { breached: null, observed: value, shown, note: `A single value cannot show \`${describeThreshold(criterion)}\`; give a \`series\` of readings.`, ...empty };
  }
  // Nor can one figure over the whole pilot show a figure per period ("more than 3 complaints in one week").
  if (window?.kind === 'period' && observation.window?.seconds !== window.seconds) {
    return {
      breached: null,
      observed: value,
      shown,
      note: `A single value over the pilot cannot show \`${describeThreshold(criterion)}\`; give a \`series\` with one reading per ${window.text.replace(/^(?:in|over|during|within)\s+(?:any\s+|a\s+|one\s+)?/, '')}, or an observation with \`window\`.`,
      ...empty,
    };
  }
  const rate = observation.count !== undefined ? ` (${observation.count} of ${formatNumber(observation.per ?? 0)})` : '';
  // A time given by its ends is shown with them, and counted on weekdays when the criterion is in business days.
  const span = observation.from && observation.to ? { from: observation.from.text, to: observation.to.text } : null;
  const between = span ? ` (${span.from} to ${span.to}${criterion.unit === 'business day' ? ', weekdays only' : ''})` : '';
  return { breached: breach, observed: value, shown, note: `Observed ${shown}${rate}${between}.`, series: null, span };
}

const DAY = 86_400_000;

function measureOf(criterion: Criterion): string {
  const over = criterion.window?.kind === 'period' ? criterion.window.text : 'over the pilot';
  return criterion.per ? `per ${formatNumber(criterion.per.count)} ${criterion.per.unit}, ${over}` : `a count or value ${over}`;
}

/**
 * Whether one observation can serve both criteria: a rate and a count are different figures. (A figure
 * per period read from one value over the whole pilot is no data, said by `judge`.)
 */
function servesBoth(a: Criterion, b: Criterion): boolean {
  return (a.per === null) === (b.per === null);
}

/**
 * Observations that would serve criteria measuring different figures, as a count of complaints in one
 * week and a rate of complaints over the whole pilot: by observation index, the first two such criteria.
 */
function sharedDifferently(criteria: readonly Criterion[], observationFor: (criterion: Criterion) => { index: number } | undefined): Map<number, [Criterion, Criterion]> {
  const first = new Map<number, Criterion>();
  const shared = new Map<number, [Criterion, Criterion]>();
  for (const criterion of criteria) {
    const found = observationFor(criterion);
    if (!found || shared.has(found.index)) continue;
    const earlier = first.get(found.index);
    if (!earlier) first.set(found.index, criterion);
    else if (!servesBoth(earlier, criterion)) shared.set(found.index, [earlier, criterion]);
  }
  return shared;
}

/**
 * The observations with the readings taken outside the pilot's days left out, each observation that
 * lost some reported: a reading before the start or after the end says nothing about the pilot.
 */
function withinPilot(observations: readonly Observation[], dates: PilotDates, problems: EvaluationProblem[]): Array<Observation | null> {
  const from = Date.parse(`${dates.start}T00:00:00Z`);
  const to = Date.parse(`${dates.end}T00:00:00Z`) + DAY;
  return observations.map((observation, index) => {
    if (!observation.series) return observation;
    const inside = observation.series.filter((point) => point.at.ms >= from && point.at.ms < to);
    const outside = observation.series.length - inside.length;
    if (outside === 0) return observation;
    problems.push({
      observation: index,
      field: 'series',
      severity: 'warning',
      message: `Unexpected ${outside === observation.series.length ? 'readings' : `${outside} of ${observation.series.length} readings`} of \`${observation.criterion}\` outside the pilot (${dates.start} to ${dates.end}, UTC), expected readings taken during it. They are left out of the decision; remove them, or correct \`start\` and \`duration\` in the plan.`,
    });
    const [first, ...rest] = inside;
    return first ? { ...observation, series: [first, ...rest] } : null;
  });
}

/**
 * Evaluates a plan's criteria and triggers against observed results and decides: roll back if any
 * trigger fired, scale if every exit criterion is met, otherwise iterate.
 */
export function evaluatePlan(criteria: PlanCriteria, given: readonly Observation[], dates: PilotDates | null = null): Evaluation {
  const problems: EvaluationProblem[] = [];
  // An observation all of whose readings fell outside the pilot is null: said, and then left out.
  const observations = dates ? withinPilot(given, dates, problems) : given;
  // Observations measured over a window serve criteria with that window; others serve the rest.
  const byMetric = new Map<string, { observation: Observation; index: number }>();
  const used = new Set<number>();
  observations.forEach((observation, index) => {
    if (observation === null) {
      used.add(index);
      return;
    }
    const key = observationKey(observation.criterion, observation.window?.seconds ?? null);
    if (byMetric.has(key))
      problems.push({
        observation: index,
        field: 'criterion',
        severity: 'error',
        message: `Duplicate observation of \`${observation.criterion}\`${observation.window ? ` over ${observation.window.text}` : ''}; give each metric once.`,
      });
    else byMetric.set(key, { observation, index });
  });
  const observationFor = (criterion: Criterion) => {
    const period = criterion.window?.kind === 'period' ? byMetric.get(observationKey(observationName(criterion), criterion.window.seconds)) : undefined;
    return period ?? byMetric.get(observationKey(observationName(criterion)));
  };
  const shared = sharedDifferently([...criteria.exit, ...criteria.rollback], observationFor);
  for (const [index, [first, second]] of shared) {
    const name = observations[index]?.criterion ?? observationName(first);
    problems.push({
      observation: index,
      field: 'criterion',
      severity: 'error',
      message: `Unexpected one observation of \`${name}\` for criteria that measure it differently, expected an observation for each. Give the count measured over a period its own observation with \`window\` (such as \`window: 1w\`), and the rate a \`count\` with \`per\`.`,
      related: [first, second].map((criterion) => ({ line: criterion.line, message: `\`${criterion.text}\` measures ${measureOf(criterion)}.` })),
    });
  }
  const run = (criterion: Criterion, kind: 'criterion' | 'trigger') => {
    const found = observationFor(criterion);
    if (found) used.add(found.index);
    if (found && shared.has(found.index))
      return {
        breached: null,
        observed: null,
        shown: null,
        note: `\`${observations[found.index]?.criterion ?? ''}\` is measured differently by another criterion; give each its own observation.`,
        series: null,
        span: null,
      };
    try {
      return judge(criterion, found?.observation, kind);
    } catch (error) {
      if (!(error instanceof ObservationError) || !found) throw error;
      if (!problems.some((problem) => problem.observation === found.index && problem.message === error.message)) {
        problems.push({ observation: found.index, field: error.field, severity: 'error', message: error.message });
      }
      return { breached: null, observed: null, shown: null, note: error.message, series: null, span: null };
    }
  };
  const criteriaOutcomes: CriterionOutcome[] = criteria.exit.map((criterion) => {
    const { breached, ...rest } = run(criterion, 'criterion');
    return { criterion, ...rest, status: breached === null ? 'no-data' : breached ? 'not-met' : 'met' };
  });
  const triggerOutcomes: TriggerOutcome[] = criteria.rollback.map((criterion) => {
    const { breached, ...rest } = run(criterion, 'trigger');
    return { criterion, ...rest, status: breached === null ? 'no-data' : breached ? 'fired' : 'not-fired' };
  });
  const known = [...criteria.exit, ...criteria.rollback].map((criterion) => `\`${observationName(criterion)}\``);
  observations.forEach((observation, index) => {
    if (observation === null || used.has(index) || problems.some((problem) => problem.observation === index)) return;
    problems.push({
      observation: index,
      field: 'criterion',
      severity: 'warning',
      message: `Unused observation \`${observation.criterion}\`: no exit criterion or trigger measures it. Expected one of ${[...new Set(known)].join(', ') || 'none'}.`,
    });
  });
  const fired = triggerOutcomes.filter((outcome) => outcome.status === 'fired');
  const unmet = criteriaOutcomes.filter((outcome) => outcome.status === 'not-met');
  const missing = criteriaOutcomes.filter((outcome) => outcome.status === 'no-data');
  const describe = (outcome: Outcome) => `\`${outcome.criterion.text}\` (line ${outcome.criterion.line}): ${outcome.note}`;
  const decision: Decision = fired.length > 0 ? 'rollback' : unmet.length === 0 && missing.length === 0 && criteriaOutcomes.length > 0 ? 'scale' : 'iterate';
  const reasons =
    decision === 'rollback'
      ? fired.map((outcome) => `Trigger fired: ${describe(outcome)}`)
      : decision === 'scale'
        ? [`All ${criteriaOutcomes.length} exit criteria met and no rollback trigger fired.`]
        : [
            ...unmet.map((outcome) => `Not met: ${describe(outcome)}`),
            ...missing.map((outcome) => `No data: ${describe(outcome)}`),
            ...(criteriaOutcomes.length === 0 ? ['The plan has no exit criteria to evaluate.'] : []),
          ];
  return { decision, reasons, criteria: criteriaOutcomes, triggers: triggerOutcomes, problems };
}
