import type { Criterion } from './criteria-parser.ts';
import type { PlanModel } from './plan-model.ts';

export interface PlanCriteria {
  exit: Criterion[];
  rollback: Criterion[];
}

/** A plan's parsed exit criteria and rollback triggers: the one source for the CLI, the site and the evaluator. */
export function planCriteria(model: PlanModel): PlanCriteria {
  const parsed = (entries: PlanModel['exitCriteria']) => entries.flatMap((entry) => (entry.criterion ? [entry.criterion] : []));
  return { exit: parsed(model.exitCriteria), rollback: parsed(model.rollbackTriggers) };
}
