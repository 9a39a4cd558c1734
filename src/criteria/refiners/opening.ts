/** Why the way a bullet is framed keeps it from being read: where it belongs, whether it is in force, a sign. */
import type { Token } from '../tokenize.ts';
import { failureProblem } from './failure-frame.ts';
import { leadProblem } from './frame.ts';
import { negativeLevel } from './signed-threshold.ts';
import { statusProblem } from './status-aside.ts';

/** The first reason found in the words around a criterion: a lead for the other list, a failure, a status, a level below zero. */
export function openingProblem(written: readonly Token[], tokens: readonly Token[], text: string, kind: 'exit' | 'rollback'): string | null {
  return leadProblem(written, tokens, kind) ?? failureProblem(written, kind) ?? statusProblem(written, kind) ?? (text.includes('-') || text.includes('−') ? negativeLevel(text) : null);
}
