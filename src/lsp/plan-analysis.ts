import type { VFileMessage } from 'vfile-message';
import { checkPlan } from '../engine/check-plan.ts';
import { type ExplainedCriterion, explainCriteria } from '../model/plan-criteria.ts';
import type { PlanModel } from '../model/plan-model.ts';
import type { Project } from './project.ts';

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
  const { file, model } = checkPlan(text, path, project.config);
  return { messages: file.messages, model, explained: explainCriteria(model), text };
}
