import { z } from 'astro/zod';

/** Units a threshold is read in; the criteria grammar maps every spelling it knows onto these. */
export const UNITS = [
  '%',
  'pp',
  'ms',
  's',
  'min',
  'h',
  'd',
  'business day',
  'week',
  'x',
  'B',
  'KB',
  'MB',
  'GB',
  'TB',
  'KiB',
  'MiB',
  'GiB',
  'TiB',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CHF',
  'CAD',
  'AUD',
  'INR',
] as const;

export const COMPARATORS = ['=', '!=', '<', '<=', '>', '>=', 'between'] as const;

/** A rate's denominator: "per 1,000 sessions", "1 in 200 orders", "a day". */
export const PerSchema = () =>
  z.strictObject({
    /** How many of `unit` the value is counted against: 1,000 in "per 1,000 sessions". */
    count: z.number().positive(),
    /** What is counted against, as written ("sessions"), or a time unit spelled out ("day"). */
    unit: z.string().min(1),
  });

/** The time a criterion is measured over, or for which a condition must hold. */
export const WindowSchema = () =>
  z.strictObject({
    /** The window's length in seconds. */
    seconds: z.number().positive(),
    /** The words that give it: "for 30 minutes", "during week 1". */
    text: z.string().min(1),
    /** `sustained`: the condition must hold throughout ("for 15 min"); `period`: measured over it ("in any 1-hour window"). */
    kind: z.enum(['sustained', 'period']),
  });

/** A condition that must be seen on several checks in a row: "on 3 consecutive checks". */
export const SequenceSchema = () =>
  z.strictObject({
    /** How many checks in a row. */
    count: z.number().int().positive(),
    /** What is counted: "checks", "health checks", "runs". */
    unit: z.string().min(1),
  });

/** What the threshold is measured against, when it is a change from another figure. */
export const BaselineSchema = () =>
  z.strictObject({
    /** The baseline as written: "the control group", "baseline", "today". */
    text: z.string().min(1),
    /** `relative`: a percentage of the baseline; `points`: a difference in percentage points; `ratio`: a multiple. */
    change: z.enum(['relative', 'points', 'ratio']),
    /** The direction of the change the threshold limits: up, down, or either way ("within 1 point of"). */
    direction: z.enum(['increase', 'decrease', 'either']),
  });

/**
 * One exit criterion or rollback trigger, read into data: what `pilotplan check --format json`,
 * `plans.json`, the site's tables and the evaluator all share.
 */
export const CriterionSchema = () =>
  z.strictObject({
    /** The bullet as the author wrote it. */
    text: z.string(),
    /** The line of the bullet in the plan file. */
    line: z.number().int().positive(),
    /** What is measured, as a noun phrase ("failed syncs", "search time"); the key in `results.yaml`. */
    metric: z.string().min(1),
    /** How the observed value must compare with `value` (and `upper`, for `between`). */
    comparator: z.enum(COMPARATORS),
    /** The threshold; the low bound for `between`. */
    value: z.number(),
    /** The high bound for `between`; null otherwise. */
    upper: z.number().nullable(),
    /** The unit of `value` and `upper`; null for a plain count or number. */
    unit: z.enum(UNITS).nullable(),
    /** The top of a score's scale: 5 in "CSAT ≥ 4.2/5". */
    scale: z.number().positive().nullable(),
    /** For a rate, what it is counted against. */
    per: PerSchema().nullable(),
    /** The time it is measured over, or must hold for. */
    window: WindowSchema().nullable(),
    /** For a percentile criterion, which one: 95 in "p95 latency < 300 ms". */
    percentile: z.number().gt(0).lt(100).nullable(),
    /** For a condition seen on several checks in a row. */
    sequence: SequenceSchema().nullable(),
    /** For a change from a baseline, what it is compared with. */
    baseline: BaselineSchema().nullable(),
  });

export type Criterion = z.output<ReturnType<typeof CriterionSchema>>;
export type Comparator = Criterion['comparator'];
export type Unit = NonNullable<Criterion['unit']>;
