import { z } from 'astro/zod';
import { PlanDateSchema } from './plan-date-schema.ts';
import { TimeBoxSchema } from './time-box-schema.ts';

export const PLAN_STATUSES = ['draft', 'review', 'approved', 'active', 'completed', 'rolled-back', 'withdrawn'] as const;
export const DECISION_OUTCOMES = ['scale', 'iterate', 'rollback'] as const;

const STORY_ID = /^[A-Z][A-Z0-9]*-\d+$/;

/** The go/no-go decision, once the Product Owner has taken it. */
export const PlanDecisionSchema = () =>
  z.strictObject({
    /** `scale` to full rollout, `iterate` with another pilot, or `rollback`. */
    outcome: z.enum(DECISION_OUTCOMES),
    /** The day the decision was taken. */
    date: PlanDateSchema(),
    /** Who took the decision. */
    by: z.string().trim().min(1),
    /** Why, in a sentence or two. */
    notes: z.string().trim().optional(),
  });

/** The participants of the pilot. */
export const CohortSchema = () =>
  z.strictObject({
    /** How many users take part. */
    size: z.number().int().positive(),
    /** Who they are: customers, regions, internal users, how they opted in. */
    description: z.string().trim().min(1),
  });

/**
 * The frontmatter of a Pilot Plan file (`content/plans/<id>/v<N>.mdx`).
 * Strict: an unknown key is an error, so a typo never passes silently.
 */
export const PlanFrontmatterSchema = () =>
  z.strictObject({
    /** The plan's title, shown as the page heading. */
    title: z.string().trim().min(1),
    /** The version number; equals `N` in the file name `v<N>.mdx`. */
    version: z.number().int().positive(),
    /** Where the plan stands in its life cycle. */
    status: z.enum(PLAN_STATUSES),
    /** One or two sentences shown in lists and search results. */
    summary: z.string().trim().min(1).max(300),
    /** Who decides go/no-go, usually the Product Owner. */
    owner: z.string().trim().min(1),
    /** Who facilitates the pilot, usually the Scrum Master. */
    facilitator: z.string().trim().min(1).optional(),
    /** The user stories in scope, such as `US-145`. */
    stories: z
      .array(
        z
          .string()
          .trim()
          .regex(STORY_ID, { error: (issue) => `Unexpected story id \`${String(issue.input)}\`, expected an id such as \`US-145\`` }),
      )
      .nonempty(),
    /** Who takes part in the pilot. */
    cohort: CohortSchema(),
    /** The first day of the pilot. */
    start: PlanDateSchema(),
    /** The time box: "10 business days", "14 days" or "3 weeks". */
    duration: TimeBoxSchema(),
    /** Free-form labels for filtering. */
    tags: z.array(z.string().trim().min(1)).default([]),
    /** The go/no-go decision, once taken. */
    decision: PlanDecisionSchema().optional(),
  });

export type PlanFrontmatterInput = z.input<ReturnType<typeof PlanFrontmatterSchema>>;
export type PlanFrontmatter = z.output<ReturnType<typeof PlanFrontmatterSchema>>;
