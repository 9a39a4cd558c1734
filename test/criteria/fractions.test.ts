import { describe, expect, it } from 'vitest';
import { readCriterion } from '../../src/criteria/criteria-grammar.ts';
import { describeReading } from '../../src/criteria/describe-reading.ts';

// Issue 18: "at least two thirds of invitees" read as `thirds … ≥ 2`, and "one in five orders fail" as
// `failed five orders ≥ 1`: wrong readings that passed in silence.
describe('fractions and number words', () => {
  it.each([
    ['at least two thirds of invitees attend', 'exit', 'invitees attend', 200 / 3],
    ['At least half of pilot users log in weekly', 'exit', 'pilot users that log in weekly', 50],
    ['fewer than a quarter of tickets reopened', 'exit', 'tickets reopened', 25],
    ['at most three quarters of stores need a second visit', 'exit', 'stores that need a second visit', 75],
  ] as const)('%s reads as a share', (text, kind, metric, value) => {
    const reading = readCriterion(text, { kind });
    expect(reading.status).toBe('read');
    if (reading.status !== 'read') return;
    expect(reading.criteria).toEqual([expect.objectContaining({ metric, value, unit: '%' })]);
  });

  it('"one in five" is never read as a count of "five orders"', () => {
    const reading = readCriterion('one in five orders fail', { kind: 'rollback' });
    if (reading.status === 'read') expect(reading.criteria.map((criterion) => describeReading(criterion))).not.toContain('failed five orders ≥ 1');
    const written = readCriterion('More than one in five hundred orders fail', { kind: 'rollback' });
    expect(written.status).toBe('read');
    if (written.status === 'read') expect(written.criteria).toEqual([expect.objectContaining({ value: 1, per: { count: 500, unit: 'orders' } })]);
  });
});
