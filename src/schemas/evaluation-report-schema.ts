import { z } from 'astro/zod';
import { CriterionSchema } from './criterion-schema.ts';

/** What `evaluate` found for one criterion or trigger: the criterion as read, and how it came out. */
const outcomeSchema = <Status extends readonly [string, ...string[]]>(statuses: Status) =>
  CriterionSchema().extend({
    /** The threshold as read, without the metric, to set beside the observed value: "≤ 0.5% over 1 h". */
    threshold: z.string(),
    /** How it came out against the observation. */
    status: z.enum(statuses),
    /** The value that decided, in the criterion's terms; null without data. */
    observed: z.number().nullable(),
    /** That value for people to read, in the unit the results give it ("35 min"). */
    shown: z.string().nullable(),
    /** Why it came out so, in a sentence. */
    note: z.string(),
  });

/** `pilotplan evaluate --format json`: the decision, why, and each criterion and trigger with its outcome. */
export const EvaluationReportSchema = () =>
  z.strictObject({
    /** Scale, iterate or roll back. */
    decision: z.enum(['scale', 'iterate', 'rollback']),
    /** Why the decision came out so, most important first. */
    reasons: z.array(z.string()),
    /** The exit criteria, in the plan's order. */
    criteria: z.array(outcomeSchema(['met', 'not-met', 'no-data'] as const)),
    /** The rollback triggers, in the plan's order. */
    triggers: z.array(outcomeSchema(['fired', 'not-fired', 'no-data'] as const)),
  });

export type EvaluationReport = z.output<ReturnType<typeof EvaluationReportSchema>>;
