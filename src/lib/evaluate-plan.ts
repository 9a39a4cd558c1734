import type { Observation } from '../schemas/results-schema.ts';
import { UNIT_SECONDS, type Comparator, type Criterion, type Unit } from './criteria-parser.ts';
import type { PlanCriteria } from './plan-criteria.ts';

export type Decision = 'scale' | 'iterate' | 'rollback';

export interface SeriesReading {
  at: string;
  ms: number;
  /** In the criterion's unit. */
  value: number;
  /** As the results file gives it, in the observation's unit. */
  raw: number;
  breach: boolean;
}

interface Outcome {
  criterion: Criterion;
  /** The value that decided, in the criterion's unit; null without data. */
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
}

export interface Evaluation {
  decision: Decision;
  /** Why the decision came out so, most important first. */
  reasons: string[];
  criteria: CriterionOutcome[];
  triggers: TriggerOutcome[];
  problems: EvaluationProblem[];
}

/** Metric names match without case, punctuation or a plural -s: "P1 defects" reads "a P1 defect occurs". */
export function metricKey(metric: string): string {
  return metric
    .toLowerCase()
    .split(/[^\p{L}\p{N}%]+/u)
    .filter(Boolean)
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join(' ');
}

export function compare(value: number, comparator: Comparator, threshold: number): boolean {
  // Rounding noise from unit conversion must not flip a boundary case such as 0.5 ≤ 0.5.
  const a = Math.round(value * 1e9) / 1e9;
  const b = Math.round(threshold * 1e9) / 1e9;
  switch (comparator) {
    case '=': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
  }
}

/** A window written "for 30 minutes" must hold throughout; "in any 1-hour window" is a period each reading covers. */
export function isSustained(criterion: Criterion): boolean {
  return criterion.window !== null && /^(?:sustained\s+|continuously\s+)?for\b/i.test(criterion.window.text);
}

class ObservationError extends Error {
  field: string | null;
  constructor(message: string, field: string | null = null) {
    super(message);
    this.field = field;
  }
}

const formatNumber = (value: number): string => String(Math.round(value * 1000) / 1000);

/** A value in a criterion's terms; `unit` shows it in another unit the value is already in. */
export function formatValue(value: number, criterion: Criterion, unit: Unit | null = criterion.unit): string {
  const suffix = unit === null ? '' : unit === '%' ? '%' : ` ${unit}`;
  const scale = criterion.scale === null ? '' : `/${formatNumber(criterion.scale)}`;
  const per = criterion.per === null ? '' : ` per ${criterion.per.count === 1 ? '' : `${criterion.per.count.toLocaleString('en-US')} `}${criterion.per.unit}`;
  return `${formatNumber(value)}${suffix}${scale}${per}`;
}

/** Converts one observed number into the criterion's unit and scale. */
function convert(value: number, observation: Observation, criterion: Criterion): number {
  const from: Unit | null = observation.unit ?? criterion.unit;
  let converted = value;
  if (from !== criterion.unit) {
    if (from === '%' || criterion.unit === '%' || from === null || criterion.unit === null) {
      throw new ObservationError(`Unit \`${from ?? 'none'}\` cannot be compared with \`${criterion.text}\`, which is in ${criterion.unit === null ? 'plain numbers' : `\`${criterion.unit}\``}. Give the value in \`${criterion.unit ?? 'no unit'}\`.`, 'unit');
    }
    converted = (value * UNIT_SECONDS[from]) / UNIT_SECONDS[criterion.unit];
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

/** A single number for the observation, in the criterion's terms; rates are computed from counts. */
function singleValue(observation: Observation, criterion: Criterion): number {
  if (observation.count !== undefined && observation.per !== undefined) {
    if (criterion.per !== null) return (observation.count / observation.per) * criterion.per.count;
    if (criterion.unit === '%') return (observation.count / observation.per) * 100;
    return observation.count;
  }
  return convert(observation.value ?? 0, observation, criterion);
}

/** The longest run of consecutive breaching readings, and how long it lasted. */
function longestRun(readings: readonly SeriesReading[]): { from: SeriesReading; to: SeriesReading; seconds: number } | null {
  let best: { from: SeriesReading; to: SeriesReading; seconds: number } | null = null;
  let start: SeriesReading | null = null;
  for (const reading of readings) {
    if (!reading.breach) {
      start = null;
      continue;
    }
    start ??= reading;
    const seconds = (reading.ms - start.ms) / 1000;
    if (!best || seconds > best.seconds) best = { from: start, to: reading, seconds };
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
  const breaches = (value: number) => (kind === 'trigger' ? compare(value, criterion.comparator, criterion.value) : !compare(value, criterion.comparator, criterion.value));
  const breachUpwards = kind === 'trigger' ? criterion.comparator.startsWith('>') : criterion.comparator.startsWith('<');
  if (!observation) return { breached: null, observed: null, shown: null, note: `No observation of \`${criterion.metric}\` in the results.`, series: null, span: null };
  const unit = observation.unit ?? criterion.unit;
  const window = criterion.window;
  if (observation.series) {
    const readings = observation.series
      .map((point) => {
        const value = convert(point.value, observation, criterion);
        return { at: point.at.text, ms: point.at.ms, value, raw: point.value, breach: breaches(value) };
      })
      .sort((a, b) => a.ms - b.ms);
    const decisive = worst(readings, breachUpwards);
    const observed = decisive?.value ?? null;
    const shown = decisive ? formatValue(decisive.raw, criterion, unit) : null;
    if (window && isSustained(criterion)) {
      const run = longestRun(readings);
      const heldLongEnough = run !== null && run.seconds >= window.seconds;
      const span = run ? { from: run.from.at, to: run.to.at } : null;
      const note = run
        ? `${kind === 'trigger' ? 'Condition' : 'Miss'} held ${formatNumber(run.seconds / 60)} min (${run.from.at} to ${run.to.at}); the window is ${window.text}.`
        : `${kind === 'trigger' ? 'Condition never held' : 'Never missed'} in ${readings.length} readings.`;
      if (kind === 'trigger') return { breached: heldLongEnough, observed, shown, note, series: readings, span };
      const okRun = longestRun(readings.map((reading) => ({ ...reading, breach: !reading.breach })));
      const met = okRun !== null && okRun.seconds >= window.seconds;
      return { breached: !met, observed, shown, note: okRun ? `Held ${formatNumber(okRun.seconds / 86_400)} days (${okRun.from.at} to ${okRun.to.at}); needed ${window.text}.` : note, series: readings, span };
    }
    const breaching = readings.filter((reading) => reading.breach);
    const note = breaching.length
      ? `${breaching.length} of ${readings.length} readings ${kind === 'trigger' ? 'meet the trigger' : 'miss the threshold'}, first at ${breaching[0]?.at}.`
      : `All ${readings.length} readings ${kind === 'trigger' ? 'stay clear of the trigger' : 'meet the threshold'}.`;
    return { breached: breaching.length > 0, observed, shown, note, series: readings, span: null };
  }
  const value = singleValue(observation, criterion);
  const breach = breaches(value);
  const shown = observation.value === undefined ? formatValue(value, criterion) : formatValue(observation.value, criterion, unit);
  if (window && isSustained(criterion) && (kind === 'criterion' || breach)) {
    return {
      breached: null,
      observed: value,
      shown,
      note: `A single value cannot show that the condition held ${window.text}; give a \`series\` of readings.`,
      series: null,
      span: null,
    };
  }
  const rate = observation.count !== undefined ? ` (${observation.count} of ${formatNumber(observation.per ?? 0)})` : '';
  return { breached: breach, observed: value, shown, note: `Observed ${shown}${rate}.`, series: null, span: null };
}

/**
 * Evaluates a plan's criteria and triggers against observed results and decides: roll back if any
 * trigger fired, scale if every exit criterion is met, otherwise iterate.
 */
export function evaluatePlan(criteria: PlanCriteria, observations: readonly Observation[]): Evaluation {
  const problems: EvaluationProblem[] = [];
  const byMetric = new Map<string, { observation: Observation; index: number }>();
  observations.forEach((observation, index) => {
    const key = metricKey(observation.criterion);
    if (byMetric.has(key)) problems.push({ observation: index, field: 'criterion', severity: 'error', message: `Duplicate observation of \`${observation.criterion}\`; give each metric once.` });
    else byMetric.set(key, { observation, index });
  });
  const used = new Set<number>();
  const run = <K extends 'criterion' | 'trigger'>(criterion: Criterion, kind: K) => {
    const found = byMetric.get(metricKey(criterion.metric));
    if (found) used.add(found.index);
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
  const known = [...criteria.exit, ...criteria.rollback].map((criterion) => `\`${criterion.metric}\``);
  observations.forEach((observation, index) => {
    if (used.has(index) || problems.some((problem) => problem.observation === index)) return;
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
