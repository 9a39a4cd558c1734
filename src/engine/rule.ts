import type { Node, Position } from 'unist';
import type { Point } from '../model/frontmatter.ts';
import type { PlanModel } from '../model/plan-model.ts';
import type { RuleId } from '../schemas/rule-registry.ts';

export interface Report {
  /** Where the problem is: a node, a range or a point in the plan file. */
  place: Node | Position | Point | undefined;
  /** What is wrong, what was expected and how to fix it, quoting the offending value. */
  reason: string;
  /** The offending text, for editors' quick fixes. */
  actual?: string;
  /** What would be accepted instead. */
  expected?: string[];
  /** Longer advice shown under the message. */
  note?: string;
}

/** A rule that checks one plan; its severity, safety and description are in the registry (`RULES`). */
export interface Rule {
  id: RuleId;
  /** `file` rules still run when the MDX body could not be read at all. */
  scope: 'file' | 'body';
  check: (plan: PlanModel, report: (report: Report) => void) => void;
}
