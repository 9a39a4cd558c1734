import type { Criterion } from '../schemas/criterion-schema.ts';

/** A criterion a target cannot express: named with its line, never dropped in silence. */
export class ExportError extends Error {
  override name = 'ExportError';
  readonly line: number;
  /** Why, alone: for a message that quotes the criterion itself. */
  readonly reason: string;
  /** The criterion as written and why: for a message that gives the line itself. */
  readonly detail: string;
  constructor(criterion: Pick<Criterion, 'text' | 'line'>, reason: string) {
    const detail = `\`${criterion.text}\`: ${reason}`;
    super(`line ${criterion.line}: ${detail}`);
    this.line = criterion.line;
    this.reason = reason;
    this.detail = detail;
  }
}
