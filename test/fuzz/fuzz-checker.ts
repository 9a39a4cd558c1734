import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkerHolds, frontEndsAgree, mutatedPlan } from './checker-property.ts';

// `npm run fuzz -- --runs 10000 --seed 1`: mutates plans at random and checks the checker holds, and that
// the engine's parser and the build's give the same verdict.
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const started = performance.now();
const result = fc.check(
  fc.property(mutatedPlan, (source) => {
    checkerHolds(source);
    frontEndsAgree(source);
  }),
  { numRuns: runs, ...(values.seed ? { seed: Number(values.seed) } : {}) },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.failed) {
  process.stderr.write(`${fc.defaultReportMessage(result)}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`${result.numRuns} mutated plans checked in ${seconds} s (seed ${result.seed}): no throw, no hang, every position valid, the same verdict from both parsers\n`);
}
