import type { ExplainedCriterion, PlanCriteria } from '../model/plan-criteria.ts';
import type { PilotDates } from '../model/time-box.ts';
import type { Results } from '../schemas/results-schema.ts';
import type { Diagnostic, SectionSpan } from './file-report.ts';

/**
 * What an outcome holds beyond its messages, for the callers that need it. Most runs print messages
 * only; leaving the rest out keeps what a warm run loads from the cache small.
 */
export interface OutcomeDetail {
  /** The criteria read, for `--format json`, results files and the site. */
  criteria?: boolean;
  /** How every criterion was read, for `check --explain`. */
  explain?: boolean;
  /** Where each section lies, for the site's pages. */
  sections?: boolean;
}

/** One plan file to check, as plain data. */
export interface PlanJob extends OutcomeDetail {
  path: string;
  shown: string;
  source: string;
  results: Results | null;
}

/** The details an outcome may hold: each present when it was asked for. */
export interface OutcomeDetails {
  criteria?: PlanCriteria;
  /** The pilot's first and last day, with the criteria, when the frontmatter is valid: results outside them are left out. */
  dates?: PilotDates | null;
  explained?: ExplainedCriterion[];
  sections?: SectionSpan[];
}

export interface PlanOutcome extends OutcomeDetails {
  diagnostics: Diagnostic[];
}

/** Whether an outcome holds every detail asked for. */
export function holds(outcome: OutcomeDetails, detail: OutcomeDetail): boolean {
  return (!detail.criteria || outcome.criteria !== undefined) && (!detail.explain || outcome.explained !== undefined) && (!detail.sections || outcome.sections !== undefined);
}
