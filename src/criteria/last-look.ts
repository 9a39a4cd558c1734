/** The last look at a whole reading, whatever read it: what its parts say together that no reader saw alone. */
import { triggerSense } from './readers/healthy-trigger.ts';
import { relativeOfRate } from './readers/ratio-change.ts';
import type { ParsedCriterion } from './reading.ts';
import { heldSpanProblem } from './refiners/held-span.ts';
import { nameWordProblem, sharedScopeProblem } from './refiners/name-words.ts';
import { signedChangeProblem } from './refiners/signed-change.ts';
import type { Token } from './tokenize.ts';

/**
 * The first reason a finished reading cannot be taken: a percent of a rate that may be points, a trigger turned round,
 * a signed change the wrong way, a span held or reached, or words left in the name that change what it says.
 */
export function lastLook(criteria: readonly ParsedCriterion[], tokens: readonly Token[], written: readonly Token[], kind: 'exit' | 'rollback'): string | null | undefined {
  return (
    criteria.map((criterion) => relativeOfRate(criterion, tokens)).find(Boolean) ??
    (kind === 'rollback' ? criteria.map((criterion) => triggerSense(criterion, tokens)).find(Boolean) : undefined) ??
    signedChangeProblem(criteria, written, kind) ??
    heldSpanProblem(criteria, written, kind) ??
    nameWordProblem(criteria, written, kind) ??
    sharedScopeProblem(criteria)
  );
}
