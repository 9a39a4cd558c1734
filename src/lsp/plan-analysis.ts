import { resolve } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { checkPlan } from '../engine/check-plan.ts';
import { type ExplainedCriterion, explainCriteria } from '../model/plan-criteria.ts';
import type { PlanModel } from '../model/plan-model.ts';
import { resultsForPlan } from '../model/plan-results.ts';
import type { Results } from '../schemas/results-schema.ts';
import type { Project } from './project.ts';

/** The results.yaml that applies to a plan, from disk; none when it is missing, unreadable or unsafe (check says why). */
function resultsOnDisk(project: Project, path: string): Results | null {
  try {
    return resultsForPlan(resolve(project.root, path));
  } catch {
    return null;
  }
}

/** What the engine made of one open plan: the messages `check` would print, the model, and every criterion's reading. */
export interface PlanAnalysis {
  messages: readonly VFileMessage[];
  model: PlanModel;
  explained: ExplainedCriterion[];
  /** The text it was made from, for positions. */
  text: string;
}

/**
 * Checks an open plan's text as `pilotplan check` checks a file: the same engine, rules and config. A
 * crash in the checker becomes one message, as in `check`, so the editor keeps working.
 */
export function analysePlan(project: Project, path: string, text: string): PlanAnalysis {
  // The results beside the plan, as `check` reads them, so `decision-mismatch` speaks here too.
  const { file, model } = checkPlan(text, path, project.config, resultsOnDisk(project, path));
  return { messages: file.messages, model, explained: explainCriteria(model), text };
}
