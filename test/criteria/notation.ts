import type { Reading } from '../../src/criteria/criteria-grammar.ts';
import { describeReading } from '../../src/criteria/describe-reading.ts';

/** A reading in the corpus's notation: the criteria, `AMBIGUOUS: a | b`, `UNSURE` or `NONE`. */
export function notation(reading: Reading): string {
  switch (reading.status) {
    case 'read':
      return reading.criteria.map(describeReading).join(' ; ');
    case 'ambiguous':
      return `AMBIGUOUS: ${reading.options.map((option) => option.map(describeReading).join(' ; ')).join(' | ')}`;
    case 'unsure':
      return 'UNSURE';
    case 'none':
      return 'NONE';
  }
}
