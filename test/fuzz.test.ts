import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkerHolds, frontEndsAgree, mutatedPlan } from './fuzz/checker-property.ts';

// A small fixed-seed share of `npm run fuzz` (and of `npm run test:slow`, which runs ten times as many), so a regression shows up in every test run.
describe('fuzzed plans', () => {
  it('never make the checker throw, hang or report a position outside the file', () => {
    fc.assert(fc.property(mutatedPlan, checkerHolds), { numRuns: 100, seed: 20261124 });
  });

  it('get the same verdict from the engine parser as from the build parser, or are refused by the engine', () => {
    fc.assert(fc.property(mutatedPlan, frontEndsAgree), { numRuns: 100, seed: 20261125 });
  });
});
