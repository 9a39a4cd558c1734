import { describe, expect, it } from 'vitest';
import { readCriterion } from '../src/criteria/criteria-grammar.ts';
import type { Criterion } from '../src/schemas/criterion-schema.ts';
import { compareCriteria } from '../src/site/plan-diff.ts';

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
