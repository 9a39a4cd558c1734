import { describe, expect, it } from 'vitest';
import { readCriterion } from '../src/criteria/criteria-grammar.ts';
import { evaluatePlan, metricKey } from '../src/lib/evaluate-plan.ts';
import type { Criterion } from '../src/schemas/criterion-schema.ts';
import { ResultsSchema } from '../src/schemas/results-schema.ts';

function criterion(text: string, line = 1, kind: 'exit' | 'rollback' = 'exit'): Criterion {
  const reading = readCriterion(text, { kind });
  const [first] = reading.status === 'read' ? reading.criteria : [];
  if (!first) throw new Error(`fixture criterion without a reading: ${text}`);
  return { text, line, ...first };
}

/** A series of readings every `step` minutes from 10:00. */
function series(step: number, values: number[]) {
  return values.map((value, index) => ({ at: new Date(Date.UTC(2026, 11, 8, 10, index * step)).toISOString(), value }));
}

const observations = (list: unknown[]) => ResultsSchema().parse({ observations: list }).observations;

interface Scenario {
  name: string;
  exit: string[];
  rollback: string[];
  observed: unknown[];
  decision: 'scale' | 'iterate' | 'rollback';
  criteria?: string[];
  triggers?: string[];
}

// Each row: a plan's criteria and triggers, what was observed, and what must come out.
const scenarios: Scenario[] = [
  {
    name: 'every criterion met, no trigger fired: scale',
    exit: ['Error rate ≤ 0.5%', 'CSAT ≥ 4.2/5'],
    rollback: ['A P1 defect occurs'],
    observed: [{ criterion: 'error rate', value: 0.3 }, { criterion: 'csat', value: 4.4 }, { criterion: 'P1 defects', value: 0 }],
    decision: 'scale',
    criteria: ['met', 'met'],
    triggers: ['not-fired'],
  },
  {
    name: 'a boundary value meets an inclusive threshold',
    exit: ['Error rate ≤ 0.5%'],
    rollback: [],
    observed: [{ criterion: 'Error rate', value: 0.5 }],
    decision: 'scale',
    criteria: ['met'],
  },
  {
    name: 'sustained breach for the whole window fires the trigger: roll back',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Latency > 300 ms for 30 minutes'],
    observed: [{ criterion: 'Error rate', value: 0.2 }, { criterion: 'latency', unit: 'ms', series: series(5, [280, 310, 320, 330, 340, 335, 325, 315, 290]) }],
    decision: 'rollback',
    criteria: ['met'],
    triggers: ['fired'],
  },
  {
    name: 'an interrupted breach does not fire',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Latency > 300 ms for 30 minutes'],
    observed: [{ criterion: 'Error rate', value: 0.2 }, { criterion: 'latency', unit: 'ms', series: series(5, [310, 320, 330, 290, 340, 335, 325, 315, 290]) }],
    decision: 'scale',
    triggers: ['not-fired'],
  },
  {
    name: 'a breach shorter than the window does not fire',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Latency > 300 ms for 30 minutes'],
    observed: [{ criterion: 'Error rate', value: 0.2 }, { criterion: 'latency', unit: 'ms', series: series(5, [310, 320, 330, 340, 350, 360, 290]) }],
    decision: 'scale',
    triggers: ['not-fired'],
  },
  {
    name: 'series in seconds against a threshold in ms',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Latency > 300 ms for 10 minutes'],
    observed: [{ criterion: 'Error rate', value: 0.2 }, { criterion: 'Latency', unit: 's', series: series(5, [0.25, 0.4, 0.41, 0.42]) }],
    decision: 'rollback',
    triggers: ['fired'],
  },
  {
    name: 'unit conversion: 0.4 s is more than 300 ms',
    exit: ['95th percentile latency < 300 ms'],
    rollback: [],
    observed: [{ criterion: '95th percentile latency', value: 0.4, unit: 's' }],
    decision: 'iterate',
    criteria: ['not-met'],
  },
  {
    name: 'unit conversion: 4 min is less than 1 h',
    exit: ['reconciliation lag < 1 h'],
    rollback: [],
    observed: [{ criterion: 'Reconciliation lag', value: 4, unit: 'min' }],
    decision: 'scale',
    criteria: ['met'],
  },
  {
    name: 'rate per 1,000 sessions computed from a count: 3 of 1,800 is 1.67',
    exit: ['P2 defects < 2 per 1,000 sessions'],
    rollback: [],
    observed: [{ criterion: 'P2 defects', count: 3, per: 1800 }],
    decision: 'scale',
    criteria: ['met'],
  },
  {
    name: 'rate per 1,000 sessions computed from a count: 4 of 1,800 is 2.2',
    exit: ['P2 defects < 2 per 1,000 sessions'],
    rollback: [],
    observed: [{ criterion: 'P2 defects', count: 4, per: 1800 }],
    decision: 'iterate',
    criteria: ['not-met'],
  },
  {
    name: 'a percentage computed from a count',
    exit: ['Error rate ≤ 0.5%'],
    rollback: [],
    observed: [{ criterion: 'Error rate', count: 12, per: 4000 }],
    decision: 'scale',
    criteria: ['met'],
  },
  {
    name: 'a score on another scale is rescaled: 8.6/10 is 4.3/5',
    exit: ['CSAT ≥ 4.2/5'],
    rollback: [],
    observed: [{ criterion: 'CSAT', value: 8.6, scale: 10 }],
    decision: 'scale',
    criteria: ['met'],
  },
  {
    name: 'missing data for one criterion: iterate',
    exit: ['Error rate ≤ 0.5%', 'CSAT ≥ 4.2/5'],
    rollback: [],
    observed: [{ criterion: 'Error rate', value: 0.1 }],
    decision: 'iterate',
    criteria: ['met', 'no-data'],
  },
  {
    name: 'a trigger fires although every criterion is met: roll back wins',
    exit: ['Error rate ≤ 0.5%', 'P1 defects = 0'],
    rollback: ['Latency > 300 ms'],
    observed: [{ criterion: 'Error rate', value: 0.1 }, { criterion: 'P1 defect', value: 0 }, { criterion: 'Latency', value: 420 }],
    decision: 'rollback',
    criteria: ['met', 'met'],
    triggers: ['fired'],
  },
  {
    name: 'one observation feeds a criterion and a trigger with the same metric',
    exit: ['P1 defects = 0'],
    rollback: ['Trigger if a P1 defect occurs'],
    observed: [{ criterion: 'p1 DEFECTS', value: 0 }],
    decision: 'scale',
    criteria: ['met'],
    triggers: ['not-fired'],
  },
  {
    name: 'a single value cannot prove a sustained breach',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Latency > 300 ms for 30 minutes'],
    observed: [{ criterion: 'Error rate', value: 0.1 }, { criterion: 'Latency', value: 450 }],
    decision: 'scale',
    triggers: ['no-data'],
  },
  {
    name: 'a period window fires on any reading in breach',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Error rate > 2% in any 1-hour window'],
    observed: [{ criterion: 'Error rate', series: series(60, [0.2, 0.3, 2.4, 0.3]) }],
    decision: 'rollback',
    criteria: ['not-met'],
    triggers: ['fired'],
  },
  {
    name: 'an exit criterion with a sustained window needs a long enough run',
    exit: ['data mismatches = 0 for 3 consecutive days'],
    rollback: [],
    observed: [{ criterion: 'data mismatches', series: series(1440, [2, 0, 0, 0, 0]) }],
    decision: 'scale',
    criteria: ['met'],
  },
  {
    name: 'no exit criteria: nothing to scale on',
    exit: [],
    rollback: [],
    observed: [],
    decision: 'iterate',
  },
];

describe('evaluatePlan', () => {
  it.each(scenarios)('$name', (scenario) => {
    const evaluation = evaluatePlan(
      { exit: scenario.exit.map((text, index) => criterion(text, index + 10)), rollback: scenario.rollback.map((text, index) => criterion(text, index + 30, 'rollback')) },
      observations(scenario.observed),
    );
    expect(evaluation.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(evaluation.decision).toBe(scenario.decision);
    if (scenario.criteria) expect(evaluation.criteria.map((outcome) => outcome.status)).toEqual(scenario.criteria);
    if (scenario.triggers) expect(evaluation.triggers.map((outcome) => outcome.status)).toEqual(scenario.triggers);
  });

  it('explains a rollback with the window that held', () => {
    const evaluation = evaluatePlan({ exit: [], rollback: [criterion('Latency > 300 ms for 30 minutes', 63, 'rollback')] }, observations([{ criterion: 'Latency', series: series(10, [310, 320, 330, 340, 290]) }]));
    expect(evaluation.reasons).toMatchInlineSnapshot(`
      [
        "Trigger fired: \`Latency > 300 ms for 30 minutes\` (line 63): Condition held 30 min (2026-12-08T10:00:00.000Z to 2026-12-08T10:30:00.000Z); the window is for 30 minutes.",
      ]
    `);
  });

  it('reports observations that cannot be compared, or match nothing', () => {
    const evaluation = evaluatePlan(
      { exit: [criterion('Error rate ≤ 0.5%'), criterion('CSAT ≥ 4.2/5')], rollback: [] },
      observations([{ criterion: 'Error rate', value: 200, unit: 'ms' }, { criterion: 'CSAT', value: 6 }, { criterion: 'Eror rate', value: 1 }, { criterion: 'csat', value: 4 }]),
    );
    expect(evaluation.problems).toMatchInlineSnapshot(`
      [
        {
          "field": "criterion",
          "message": "Duplicate observation of \`csat\`; give each metric once.",
          "observation": 3,
          "severity": "error",
        },
        {
          "field": "unit",
          "message": "Unit \`ms\` cannot be compared with \`Error rate ≤ 0.5%\`, which is in \`%\`. Give the value in \`%\`.",
          "observation": 0,
          "severity": "error",
        },
        {
          "field": "value",
          "message": "Score 6 is outside its scale of 0 to 5. Check the value, or give \`scale\` when the score is on another scale.",
          "observation": 1,
          "severity": "error",
        },
        {
          "field": "criterion",
          "message": "Unused observation \`Eror rate\`: no exit criterion or trigger measures it. Expected one of \`error rate\`, \`CSAT\`.",
          "observation": 2,
          "severity": "warning",
        },
      ]
    `);
  });

  it('matches metrics without case or a plural -s', () => {
    expect(metricKey('P1 Defects')).toBe(metricKey('p1 defect'));
    expect(metricKey('Sessions')).toBe(metricKey('session'));
    expect(metricKey('Latency')).not.toBe(metricKey('95th percentile latency'));
  });
});

describe('observed values for people to read', () => {
  it('are shown in the unit the results give, and a rate per one thing reads "per pay run"', () => {
    const evaluation = evaluatePlan(
      { exit: [criterion('Refund turnaround < 1 h'), criterion('Failed payouts < 3 per pay run')], rollback: [] },
      observations([
        { criterion: 'Refund turnaround', value: 35, unit: 'min' },
        { criterion: 'Failed payouts', count: 2, per: 1 },
      ]),
    );
    expect(evaluation.criteria.map((outcome) => [outcome.shown, outcome.status])).toEqual([
      ['35 min', 'met'],
      ['2 per pay run', 'met'],
    ]);
  });
});

