import { describe, expect, it } from 'vitest';
import { readCriterion } from '../src/criteria/criteria-grammar.ts';
import { evaluatePlan, metricKey } from '../src/evaluate/evaluate-plan.ts';
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
    name: 'readings at a stated interval: a missing one stops a sustained run, as it restarts `for:`',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Error rate > 2% for 5 minutes'],
    // Breaching from 10:00 to 10:06, but nothing is known of 10:03.
    observed: [{ criterion: 'error rate', interval: '1m', series: series(1, [3, 3, 3, 0, 3, 3, 3]).filter((_, index) => index !== 3) }],
    decision: 'iterate',
    criteria: ['not-met'],
    triggers: ['not-fired'],
  },
  {
    name: 'the same readings without an interval: the run spans the gap',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Error rate > 2% for 5 minutes'],
    observed: [{ criterion: 'error rate', series: series(1, [3, 3, 3, 0, 3, 3, 3]).filter((_, index) => index !== 3) }],
    decision: 'rollback',
    criteria: ['not-met'],
    triggers: ['fired'],
  },
  {
    name: 'readings over a stated window serve the criterion with that window, the rest serve the others',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Error rate > 2% in any 1-hour window'],
    // Each half fails if it reads the other's readings: the exit criterion would miss on 2.5, the trigger miss it.
    observed: [
      { criterion: 'error rate', series: series(5, [0.3, 0.4, 0.45, 0.2]) },
      { criterion: 'error rate', window: '1h', series: series(60, [0.6, 2.5]) },
    ],
    decision: 'rollback',
    criteria: ['met'],
    triggers: ['fired'],
  },
  {
    name: 'a baseline that moves is given with each reading',
    exit: ['Conversion within 1 point of the control group'],
    rollback: [],
    // 3.9 is within 1 point of its own reading's 3.0, not of the first reading's 2.5.
    observed: [
      {
        criterion: 'conversion',
        series: [
          ...series(5, [3.1]).map((point) => ({ ...point, baseline: 2.5 })),
          ...series(5, [0, 3.9])
            .slice(1)
            .map((point) => ({ ...point, baseline: 3 })),
        ],
      },
    ],
    decision: 'scale',
    criteria: ['met'],
  },
  {
    name: "a change in points is in the criterion's unit, whatever unit the readings are in",
    exit: ['p95 latency no more than 50 ms above baseline'],
    rollback: [],
    observed: [{ criterion: 'latency p95', unit: 's', value: 0.36, baseline: 0.3 }],
    decision: 'iterate',
    criteria: ['not-met'],
  },
  {
    name: 'a change in points within the limit, read in seconds',
    exit: ['p95 latency no more than 50 ms above baseline'],
    rollback: [],
    observed: [{ criterion: 'latency p95', unit: 's', value: 0.32, baseline: 0.3 }],
    decision: 'scale',
    criteria: ['met'],
  },
  {
    name: 'every criterion met, no trigger fired: scale',
    exit: ['Error rate ≤ 0.5%', 'CSAT ≥ 4.2/5'],
    rollback: ['A P1 defect occurs'],
    observed: [
      { criterion: 'error rate', value: 0.3 },
      { criterion: 'csat', value: 4.4 },
      { criterion: 'P1 defects', value: 0 },
    ],
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
    observed: [
      { criterion: 'Error rate', value: 0.2 },
      { criterion: 'latency', unit: 'ms', series: series(5, [280, 310, 320, 330, 340, 335, 325, 315, 290]) },
    ],
    decision: 'rollback',
    criteria: ['met'],
    triggers: ['fired'],
  },
  {
    name: 'an interrupted breach does not fire',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Latency > 300 ms for 30 minutes'],
    observed: [
      { criterion: 'Error rate', value: 0.2 },
      { criterion: 'latency', unit: 'ms', series: series(5, [310, 320, 330, 290, 340, 335, 325, 315, 290]) },
    ],
    decision: 'scale',
    triggers: ['not-fired'],
  },
  {
    name: 'a breach shorter than the window does not fire',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Latency > 300 ms for 30 minutes'],
    observed: [
      { criterion: 'Error rate', value: 0.2 },
      { criterion: 'latency', unit: 'ms', series: series(5, [310, 320, 330, 340, 350, 360, 290]) },
    ],
    decision: 'scale',
    triggers: ['not-fired'],
  },
  {
    name: 'series in seconds against a threshold in ms',
    exit: ['Error rate ≤ 0.5%'],
    rollback: ['Latency > 300 ms for 10 minutes'],
    observed: [
      { criterion: 'Error rate', value: 0.2 },
      { criterion: 'Latency', unit: 's', series: series(5, [0.25, 0.4, 0.41, 0.42]) },
    ],
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
    observed: [
      { criterion: 'Error rate', value: 0.1 },
      { criterion: 'P1 defect', value: 0 },
      { criterion: 'Latency', value: 420 },
    ],
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
    observed: [
      { criterion: 'Error rate', value: 0.1 },
      { criterion: 'Latency', value: 450 },
    ],
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
    name: 'a range is met inside its bounds, bounds included',
    exit: ['Search time between 150 and 250 ms', 'Queue depth 2–4'],
    rollback: [],
    observed: [
      { criterion: 'search time', value: 0.25, unit: 's' },
      { criterion: 'queue depth', value: 2 },
    ],
    decision: 'scale',
    criteria: ['met', 'met'],
  },
  {
    name: 'a range is missed above its upper bound',
    exit: ['Search time between 150 and 250 ms'],
    rollback: [],
    observed: [{ criterion: 'search time', value: 260 }],
    decision: 'iterate',
    criteria: ['not-met'],
  },
  {
    name: 'a percentile criterion takes the observation named with its percentile, in any spelling',
    exit: ['90% of searches return in under 800 ms', 'p95 latency < 300 ms'],
    rollback: [],
    observed: [
      { criterion: 'search time p90', value: 640 },
      { criterion: '95th percentile latency', value: 0.31, unit: 's' },
    ],
    decision: 'iterate',
    criteria: ['met', 'not-met'],
  },
  {
    name: 'an observation of another percentile does not stand in for the one the plan names',
    exit: ['p95 latency < 300 ms'],
    rollback: [],
    observed: [{ criterion: 'latency p50', value: 120 }],
    decision: 'iterate',
    criteria: ['no-data'],
  },
  {
    name: 'a relative decrease against the control group: 2,400 calls against 3,200 is 25% fewer',
    exit: ['Support calls at least 20% fewer than the control group'],
    rollback: [],
    observed: [{ criterion: 'support calls', value: 2400, baseline: 3200 }],
    decision: 'scale',
    criteria: ['met'],
  },
  {
    name: 'a relative decrease that falls short: 2,800 against 3,200 is 12.5% fewer',
    exit: ['Support calls at least 20% fewer than the control group'],
    rollback: [],
    observed: [{ criterion: 'support calls', value: 2800, baseline: 3200 }],
    decision: 'iterate',
    criteria: ['not-met'],
  },
  {
    name: 'within points of a baseline, either way: 3.4% against 4.1% is 0.7 points',
    exit: ['Conversion within 1 point of baseline'],
    rollback: [],
    observed: [{ criterion: 'conversion', value: 3.4, baseline: 4.1 }],
    decision: 'scale',
    criteria: ['met'],
  },
  {
    name: 'a slowdown against today beyond the allowed 10%: 330 ms against 290 ms is 13.8% slower',
    exit: ['Checkout time no more than 10% slower than today'],
    rollback: [],
    observed: [{ criterion: 'checkout time', value: 330, unit: 'ms', baseline: 290 }],
    decision: 'iterate',
    criteria: ['not-met'],
  },
  {
    name: 'a ratio trigger against the baseline fires at 1.6x',
    exit: [],
    rollback: ['Error rate above 1.5x baseline'],
    observed: [{ criterion: 'error rate', value: 0.8, baseline: 0.5 }],
    decision: 'rollback',
    triggers: ['fired'],
  },
  {
    name: 'consecutive failed checks fire only in a row: 1, 0, 1, 1 holds two in a row',
    exit: [],
    rollback: ['Two consecutive failed health checks'],
    observed: [{ criterion: 'failed health checks', series: series(1, [1, 0, 1, 1]) }],
    decision: 'rollback',
    triggers: ['fired'],
  },
  {
    name: 'failed checks that never follow each other do not fire',
    exit: [],
    rollback: ['Two consecutive failed health checks'],
    observed: [{ criterion: 'failed health checks', series: series(1, [1, 0, 1, 0, 1]) }],
    decision: 'iterate',
    triggers: ['not-fired'],
  },
  {
    name: 'a threshold on consecutive checks: error rate above 1% on 3 checks in a row',
    exit: [],
    rollback: ['Error rate > 1% for 3 consecutive checks'],
    observed: [{ criterion: 'error rate', series: series(5, [1.2, 1.4, 0.9, 1.1, 1.3, 1.5]) }],
    decision: 'rollback',
    triggers: ['fired'],
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
    const evaluation = evaluatePlan(
      { exit: [], rollback: [criterion('Latency > 300 ms for 30 minutes', 63, 'rollback')] },
      observations([{ criterion: 'Latency', series: series(10, [310, 320, 330, 340, 290]) }]),
    );
    expect(evaluation.reasons).toMatchInlineSnapshot(`
      [
        "Trigger fired: \`Latency > 300 ms for 30 minutes\` (line 63): Condition held 30 min (2026-12-08T10:00:00.000Z to 2026-12-08T10:30:00.000Z); the window is for 30 minutes.",
      ]
    `);
  });

  it('reports observations that cannot be compared, or match nothing', () => {
    const evaluation = evaluatePlan(
      { exit: [criterion('Error rate ≤ 0.5%'), criterion('CSAT ≥ 4.2/5')], rollback: [] },
      observations([
        { criterion: 'Error rate', value: 200, unit: 'ms' },
        { criterion: 'CSAT', value: 6 },
        { criterion: 'Eror rate', value: 1 },
        { criterion: 'csat', value: 4 },
      ]),
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

  it('asks for the baseline figure a criterion compares with, and refuses one it does not', () => {
    const evaluation = evaluatePlan(
      { exit: [criterion('Support calls at least 20% fewer than the control group'), criterion('Error rate ≤ 0.5%')], rollback: [] },
      observations([
        { criterion: 'support calls', value: 2400 },
        { criterion: 'error rate', value: 0.2, baseline: 0.3 },
      ]),
    );
    expect(evaluation.criteria.map((outcome) => outcome.status)).toEqual(['no-data', 'no-data']);
    expect(evaluation.problems.map((problem) => `${problem.field}: ${problem.message}`)).toMatchInlineSnapshot(`
      [
        "criterion: Missing \`baseline\` for \`Support calls at least 20% fewer than the control group\`, which compares with the control group. Add the figure of the control group as \`baseline\`, in the unit of the observed values.",
        "baseline: Unexpected \`baseline\` for \`Error rate ≤ 0.5%\`, which compares with no baseline. Remove \`baseline\`, or write the criterion as a change from it, such as \`no more than 10% above baseline\`.",
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

  it('say a change that went the other way as such, rounded as the threshold is written', () => {
    const evaluation = evaluatePlan(
      { exit: [criterion('Conversion no more than 1 pp below the control group'), criterion('Tickets at least 15% fewer than the control group')], rollback: [] },
      observations([
        { criterion: 'Conversion', value: 14.3, baseline: 12, unit: 'pp' },
        { criterion: 'Tickets', value: 349, baseline: 480 },
      ]),
    );
    expect(evaluation.criteria.map((outcome) => outcome.shown)).toEqual(['2.3 pp above the control group (14.3 against 12)', '27.3% below the control group (349 against 480)']);
  });

  it('keep business days as business days: compared as given, never converted from calendar time', () => {
    const met = evaluatePlan({ exit: [criterion('Refund turnaround ≤ 3 working days')], rollback: [] }, observations([{ criterion: 'Refund turnaround', value: 2, unit: 'business day' }]));
    expect(met.criteria.map((outcome) => [outcome.shown, outcome.status])).toEqual([['2 business days', 'met']]);
    const calendar = evaluatePlan({ exit: [criterion('Refund turnaround ≤ 3 working days')], rollback: [] }, observations([{ criterion: 'Refund turnaround', value: 2, unit: 'd' }]));
    expect(calendar.criteria[0]?.status).toBe('no-data');
    expect(calendar.criteria[0]?.note).toContain('Give the value in `business day`');
  });

  it('count business days on weekdays when a time is given by its ends, and other times in full', () => {
    const exit = [criterion('Refund turnaround ≤ 1 business day'), criterion('Ticket response time < 2 h')];
    // Friday 16:00 to Monday 10:00: eight hours of Friday and ten of Monday (0.75 of a day), the weekend left out.
    const evaluation = evaluatePlan(
      { exit, rollback: [] },
      observations([
        { criterion: 'Refund turnaround', from: '2026-12-04T16:00:00Z', to: '2026-12-07T10:00:00Z' },
        { criterion: 'Ticket response time', from: '2026-12-04T16:00:00Z', to: '2026-12-04T17:30:00Z' },
      ]),
    );
    expect(evaluation.criteria.map((outcome) => [outcome.shown, outcome.status])).toEqual([
      ['0.8 business days', 'met'],
      ['1.5 h', 'met'],
    ]);
    expect(evaluation.criteria[0]?.note).toBe('Observed 0.8 business days (2026-12-04T16:00:00Z to 2026-12-07T10:00:00Z, weekdays only).');
    expect(evaluation.criteria[0]?.span).toEqual({ from: '2026-12-04T16:00:00Z', to: '2026-12-07T10:00:00Z' });
    expect(evaluation.criteria[0]?.observed).toBe(0.75);
    // Two full weeks are ten business days, not fourteen.
    const long = evaluatePlan({ exit, rollback: [] }, observations([{ criterion: 'Refund turnaround', from: '2026-12-07T00:00:00Z', to: '2026-12-21T00:00:00Z' }]));
    expect(long.criteria[0]?.observed).toBe(10);
    // Ends given the wrong way round, or one without the other, are the results file's error; a count has no ends.
    expect(ResultsSchema().safeParse({ observations: [{ criterion: 'Refund turnaround', from: '2026-12-07T10:00:00Z', to: '2026-12-04T10:00:00Z' }] }).success).toBe(false);
    expect(ResultsSchema().safeParse({ observations: [{ criterion: 'Refund turnaround', from: '2026-12-07T10:00:00Z' }] }).success).toBe(false);
    const counted = evaluatePlan({ exit: [criterion('P1 defects < 3')], rollback: [] }, observations([{ criterion: 'P1 defects', from: '2026-12-04T16:00:00Z', to: '2026-12-07T10:00:00Z' }]));
    expect(counted.criteria[0]?.note).toContain('which is no time');
  });

  it('keep the digits that put a computed value on its side of the limit', () => {
    const evaluation = evaluatePlan({ exit: [criterion('Error rate ≤ 0.5%')], rollback: [] }, observations([{ criterion: 'Error rate', count: 504, per: 100_000 }]));
    expect(evaluation.criteria.map((outcome) => [outcome.shown, outcome.status])).toEqual([['0.504%', 'not-met']]);
    const closer = evaluatePlan({ exit: [criterion('Error rate ≤ 0.5%')], rollback: [] }, observations([{ criterion: 'Error rate', count: 5_000_004, per: 1_000_000_000 }]));
    expect(closer.criteria.map((outcome) => [outcome.shown, outcome.status])).toEqual([['just over 0.5%', 'not-met']]);
  });
});
