import type { Diagnostic } from '../file-report.ts';

// A warning repeated on criterion after criterion of one plan is one message listing them, from this many on.
const GROUPED_FROM = 3;

/**
 * The `unbound-metric` messages of one file that a report gives as one, or none when there are too few
 * to group: a thousand plans otherwise repeat the same advice thousands of times.
 */
export function repeatedUnbound(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const unbound = diagnostics.filter((item) => item.ruleId === 'unbound-metric' && (item.messageId === 'unbound' || item.messageId === 'unboundNear'));
  return unbound.length >= GROUPED_FROM ? unbound : [];
}
