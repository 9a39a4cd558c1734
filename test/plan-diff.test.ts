import { describe, expect, it } from 'vitest';
import { readCriterion } from '../src/criteria/criteria-grammar.ts';
import type { Criterion } from '../src/schemas/criterion-schema.ts';
import { compareCriteria, diffVersions } from '../src/site/plan-diff.ts';
import type { PlanVersion } from '../src/site/plan-library.ts';

const read =
  (kind: 'exit' | 'rollback') =>
  (text: string): Criterion[] => {
    const reading = readCriterion(text, { kind });
    if (reading.status !== 'read') throw new Error(`fixture criterion without a reading: ${text}`);
    return reading.criteria.map((criterion) => ({ text, line: 1, ...criterion }));
  };

describe('criteria changes between versions', () => {
  it('name what changed in ranges, percentiles, baselines and sequences', () => {
    const exit = read('exit');
    const rollback = read('rollback');
    const before = ['Search time between 150 and 250 ms', '90% of searches return in under 800 ms', 'Support calls at least 10% fewer than the control group', 'p95 latency < 300 ms'].flatMap(exit);
    const after = ['Search time between 150 and 300 ms', '90% of searches return in under 600 ms', 'Support calls at least 20% fewer than the control group', 'p99 latency < 300 ms'].flatMap(exit);
    expect(compareCriteria('exit', before, after).map((change) => change.summary)).toMatchInlineSnapshot(`
      [
        "search time threshold between 150 and 250 ms → between 150 and 300 ms",
        "search time threshold < 800 ms at p90 → < 600 ms at p90",
        "support calls threshold ≥ 10% below the control group → ≥ 20% below the control group",
        "Exit criterion added: p99 latency < 300 ms",
        "Exit criterion removed: p95 latency < 300 ms",
      ]
    `);
    const triggers = compareCriteria('rollback', ['Two consecutive failed health checks'].flatMap(rollback), ['Three consecutive failed health checks'].flatMap(rollback));
    expect(triggers.map((change) => change.summary)).toMatchInlineSnapshot(`
      [
        "failed health checks trigger threshold ≥ 2 on 2 consecutive health checks → ≥ 3 on 3 consecutive health checks",
      ]
    `);
  });
});

describe('the changes between two versions, for people to read', () => {
  const data = {
    title: 'Saved carts pilot',
    version: 1,
    status: 'completed',
    summary: 'Trial saved carts.',
    owner: 'Product Owner',
    stories: ['US-201'],
    cohort: { size: 150, description: 'Opted-in customers.' },
    start: '2026-12-07',
    duration: { count: 2, unit: 'weeks', text: '2 weeks' },
    tags: [],
  };
  const version = (number: number, extra: object, text: string) =>
    ({
      id: 'saved-carts',
      version: number,
      path: '',
      data: { ...data, ...extra, version: number },
      end: '2026-12-21',
      criteria: { exit: [], rollback: [] },
      sections: [{ key: 'scope', title: 'Scope', text }],
      evaluation: null,
      resultsUpdated: null,
      exported: null,
    }) as unknown as PlanVersion;

  it('says a field was removed or added rather than striking out a dash, and diffs prose by whole sentences', () => {
    const before = version(1, { decision: { outcome: 'scale', date: '2026-12-20', by: 'Product Owner' } }, 'Saved carts for signed-in customers. Guest carts are excluded. Carts last 30 days.');
    const after = version(2, { facilitator: 'Scrum Master' }, 'Saved carts for signed-in customers. Guest carts are included from week 2. Carts last 30 days.');
    const diff = diffVersions(before, after);
    expect(diff.fields.filter((change) => ['Decision', 'Facilitator'].includes(change.label))).toEqual([
      { label: 'Facilitator', before: null, after: 'Scrum Master' },
      { label: 'Decision', before: 'scale on 2026-12-20 by Product Owner', after: null },
    ]);
    const changed = diff.sections[0]?.parts.filter((part) => part.added || part.removed).map((part) => `${part.added ? '+' : '-'}${part.value.trim()}`);
    expect(changed).toEqual(['-Guest carts are excluded.', '+Guest carts are included from week 2.']);
  });
});
