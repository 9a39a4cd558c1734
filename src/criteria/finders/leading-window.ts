/** A window that opens a clause: "14 consecutive days with ≥ 99.9% match rate", "2 weeks of error rate below 1%". */
import { numberAt } from '../quantity.ts';
import type { Found } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { durationAt, type Window, windowText } from './window.ts';

/** The length before "with" or "of" at the clause's start, held for the threshold after it; "a week of" is too loose a length. */
export function findLeadingWindow(tokens: readonly Token[]): Found<Window> | null {
  if (!numberAt(tokens, 0, false)) return null;
  const duration = durationAt(tokens, 0);
  if (!duration || !['with', 'of'].includes(tokens[duration.end]?.lower ?? '')) return null;
  const end = duration.end + 1;
  return { start: 0, end, value: { seconds: duration.seconds, text: windowText(tokens, 0, end), kind: 'sustained' } };
}
