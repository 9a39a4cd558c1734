import type { Criterion } from '../schemas/criterion-schema.ts';

/** A criterion a target cannot express: named with its line, never dropped in silence. */
export class ExportError extends Error {
  override name = 'ExportError';
  readonly line: number;
  constructor(criterion: Pick<Criterion, 'text' | 'line'>, reason: string) {
    super(`line ${criterion.line}: \`${criterion.text}\`: ${reason}`);
    this.line = criterion.line;
  }
}
