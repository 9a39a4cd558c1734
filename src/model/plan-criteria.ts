import { describeReading } from '../criteria/describe-reading.ts';
import type { Criterion } from '../schemas/criterion-schema.ts';
import type { CriterionEntry, PlanModel } from './plan-model.ts';

export interface PlanCriteria {
  exit: Criterion[];
  rollback: Criterion[];
}

/** A plan's parsed exit criteria and rollback triggers: the one source for the CLI, the site and the evaluator. */
export function planCriteria(model: PlanModel): PlanCriteria {
  const parsed = (entries: PlanModel['exitCriteria']) => entries.flatMap((entry) => entry.criteria);
  return { exit: parsed(model.exitCriteria), rollback: parsed(model.rollbackTriggers) };
}

/** How one bullet was read, as plain data for `check --explain`: every bullet, read or not. */
export interface ExplainedCriterion {
  kind: 'exit' | 'rollback';
  line: number;
  text: string;
  status: 'read' | 'ambiguous' | 'unsure' | 'none';
  /** Each reading in words: one per criterion when read, one per option when ambiguous. */
  readings: string[];
  /** Conventions that decided the reading, or why there is none. */
  notes: string[];
  /** Which words went to which part of the reading, when there is one to account for. */
  words?: Array<{ text: string; part: string }>;
}

function explain(kind: ExplainedCriterion['kind'], { line, text, reading }: CriterionEntry): ExplainedCriterion {
  const base = { kind, line, text, status: reading.status };
  switch (reading.status) {
    case 'read':
      return { ...base, readings: reading.criteria.map(describeReading), notes: reading.notes, ...(reading.words ? { words: reading.words } : {}) };
    case 'ambiguous':
      return { ...base, readings: reading.options.map((option) => option.map(describeReading).join(' and ')), notes: [reading.fix] };
    case 'unsure':
      return {
        ...base,
        readings: [],
        notes: [
          // "Found , but …" when the bullet has no number: the reason stands alone then.
          reading.found.length > 0
            ? `Found ${reading.found.map((number) => `\`${number}\``).join(', ')}, but ${reading.reason}.`
            : `${reading.reason.charAt(0).toUpperCase()}${reading.reason.slice(1)}.`,
          ...(reading.nearest.length > 0 ? [`Would read: ${reading.nearest.map((form) => `\`${form}\``).join(' or ')}.`] : []),
        ],
        ...(reading.words ? { words: reading.words } : {}),
      };
    case 'none':
      return { ...base, readings: [], notes: ['No number to compare with.'] };
  }
}

/** Every exit criterion and rollback trigger with how it was read, in the order of the file. */
export function explainCriteria(model: PlanModel): ExplainedCriterion[] {
  return [...model.exitCriteria.map((entry) => explain('exit', entry)), ...model.rollbackTriggers.map((entry) => explain('rollback', entry))];
}
