import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkerHolds, frontEndsAgree, mutatedPlan } from '../fuzz/checker-property.ts';

// Ten times the runs of test/fuzz.test.ts, on other seeds; `npm run fuzz` runs as many as asked.
describe('fuzzed plans, a thousand each', () => {
  it('never make the checker throw, hang or report a position outside the file', () => {
    fc.assert(fc.property(mutatedPlan, checkerHolds), { numRuns: 1000, seed: 20261207 });
  });

  it('get the same verdict from the engine parser as from the build parser, or are refused by the engine', () => {
    fc.assert(fc.property(mutatedPlan, frontEndsAgree), { numRuns: 1000, seed: 20261208 });
  });
});
