import { describe, expect, it } from 'vitest';
import { readCriterion } from '../../src/criteria/criteria-grammar.ts';
import { describeReading } from '../../src/criteria/describe-reading.ts';

// Issue 18: windows written with "over" after a stated threshold were refused, about one bullet in five of
// a generated set of common forms. A bare "over <duration>" with no number before it stays a threshold.
const rows: Array<[string, 'exit' | 'rollback', string]> = [
  ['error rate ≥ 1% over 1 hour', 'rollback', 'error rate ≥ 1% over 1 h'],
  ['p95 latency above 2 s over 24 hours', 'rollback', 'latency > 2 s at p95 over 1 d'],
  ['Error rate ≤ 0.5% over 7 days', 'exit', 'error rate ≤ 0.5% over 1 week'],
  ['More than 2 failures over 30 minutes', 'rollback', 'failures > 2 over 30 min'],
  ['latency over 300 ms over 1 hour', 'rollback', 'latency > 300 ms over 1 h'],
  ['Queue age over 30 minutes', 'rollback', 'queue age > 30 min'],
  ['p95 latency over 2 s', 'rollback', 'latency > 2 s at p95'],
  // A symbol before a hold's length says "more than", as the words do; a count with a plus is counted in its span.
  ['Webhook queue depth exceeds 5,000 for >5 minutes', 'rollback', 'webhook queue depth > 5,000 for 5 min'],
  ['Error rate > 2% for ≥ 10 minutes', 'rollback', 'error rate > 2% for 10 min'],
  ['3+ critical system errors in 24 hours', 'rollback', 'critical system errors ≥ 3 over 1 d'],
  // Any one of a thing in a state: the thing is counted, not the state.
  ['Any node down for more than 2 minutes', 'rollback', 'nodes down ≥ 1 for 2 min'],
];

describe('windows written with "over"', () => {
  it.each(rows)('%s (%s) reads as %s', (text, kind, expected) => {
    const reading = readCriterion(text, { kind });
    expect(reading.status).toBe('read');
    if (reading.status === 'read') expect(reading.criteria.map((criterion) => describeReading(criterion)).join(' | ')).toBe(expected);
  });
});
