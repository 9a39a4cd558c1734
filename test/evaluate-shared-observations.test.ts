import { describe, expect, it } from 'vitest';
import { readCriterion } from '../src/criteria/criteria-grammar.ts';
import { evaluatePlan } from '../src/evaluate/evaluate-plan.ts';
import type { Criterion } from '../src/schemas/criterion-schema.ts';
import { ResultsSchema } from '../src/schemas/results-schema.ts';

// Issue 18: "no more than 3 complaints per 1,000 patients" and "more than three complaints in one week"
// shared the observation `complaints`, and one count over six weeks fired the one-week trigger: Roll back,
// where the right decision was Iterate.
function criterion(text: string, line: number, kind: 'exit' | 'rollback'): Criterion {
  const reading = readCriterion(text, { kind });
  const [first] = reading.status === 'read' ? reading.criteria : [];
  if (!first) throw new Error(`fixture criterion without a reading: ${text}`);
  return { text, line, ...first };
}
const criteria = { exit: [criterion('No more than 3 complaints per 1,000 patients', 31, 'exit')], rollback: [criterion('More than three complaints in one week', 45, 'rollback')] };
const observations = (list: unknown[]) => ResultsSchema().parse({ observations: list }).observations;

describe('one observation never serves criteria that measure differently', () => {
  it('a six-week count does not fire the one-week trigger: the shared observation is an error naming both lines', () => {
    const evaluation = evaluatePlan(criteria, observations([{ criterion: 'complaints', count: 5, per: 1000 }]));
    expect(evaluation.decision).toBe('iterate');
    expect(evaluation.triggers.map((outcome) => outcome.status)).toEqual(['no-data']);
    // The two criteria are the message's related places, at their lines of the plan.
    expect(evaluation.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('for criteria that measure it differently'),
        related: [
          { line: 31, message: '`No more than 3 complaints per 1,000 patients` measures per 1,000 patients, over the pilot.' },
          { line: 45, message: '`More than three complaints in one week` measures a count or value in one week.' },
        ],
      }),
    ]);
  });

  it('a count criterion and a rate criterion never share one observation, whatever their windows', () => {
    const both = { exit: [criterion('No more than 3 complaints per 1,000 patients', 31, 'exit')], rollback: [criterion('More than 10 complaints', 46, 'rollback')] };
    const evaluation = evaluatePlan(both, observations([{ criterion: 'complaints', count: 12, per: 1000 }]));
    expect(evaluation.triggers.map((outcome) => outcome.status)).toEqual(['no-data']);
    expect(evaluation.decision).toBe('iterate');
    expect(evaluation.problems).toEqual([
      expect.objectContaining({ severity: 'error', related: [expect.objectContaining({ line: 31 }), { line: 46, message: '`More than 10 complaints` measures a count or value over the pilot.' }] }),
    ]);
  });

  it('with an observation for each, the weekly counts decide the trigger and the rate the criterion', () => {
    const weekly = [1, 2, 1, 0, 1, 0].map((value, week) => ({ at: `2026-12-${String(7 + week * 7).padStart(2, '0')}T00:00:00Z`, value }));
    const evaluation = evaluatePlan(
      criteria,
      observations([
        { criterion: 'complaints', count: 5, per: 1000 },
        { criterion: 'complaints', window: '1w', series: weekly.slice(0, 4) },
      ]),
    );
    expect(evaluation.problems).toEqual([]);
    expect(evaluation.criteria.map((outcome) => outcome.status)).toEqual(['not-met']);
    expect(evaluation.triggers.map((outcome) => outcome.status)).toEqual(['not-fired']);
    expect(evaluation.decision).toBe('iterate');
  });

  it('a single figure over the pilot cannot show a figure per period: no data, not a guess', () => {
    const perPeriod = { exit: [], rollback: [criterion('Error rate > 2% in any 1-hour window', 60, 'rollback')] };
    const evaluation = evaluatePlan(perPeriod, observations([{ criterion: 'Error rate', value: 3, unit: '%' }]));
    expect(evaluation.triggers).toEqual([expect.objectContaining({ status: 'no-data', note: expect.stringContaining('A single value over the pilot cannot show') })]);
  });
});
