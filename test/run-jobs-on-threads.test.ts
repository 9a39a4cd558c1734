import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanJob } from '../src/engine/plan-outcome.ts';
import { runJobs } from '../src/engine/run-jobs.ts';
import { runJobsOnThreads } from '../src/engine/run-jobs-on-threads.ts';
import { ConfigSchema } from '../src/schemas/config-schema.ts';

const base = readFileSync(new URL('fixtures/required-section/ok.mdx', import.meta.url), 'utf8');

/** Plans that differ in their criteria and problems, enough that a second thread takes a share. */
function jobs(count: number, slowAt: number | null = null): PlanJob[] {
  return Array.from({ length: count }, (_, index) => {
    const path = `/project/content/plans/plan-${index}/v1.mdx`;
    const varied = base
      .replace('Saved carts pilot', `Pilot number ${index}`)
      .replace('- P1 defects = 0\n', `- P1 defects = 0\n- ${index % 3 === 0 ? `error rate below ${index}% for a while` : `checkout latency below ${index + 100} ms at p95`}\n`);
    const source = index === slowAt ? varied.replace('## Scope\n', `## Scope\n\n${'line with *emphasis* and [a link](https://example.org)\n'.repeat(70_000)}`) : varied;
    return { path, shown: `plan-${index}/v1.mdx`, source, results: null, criteria: true, explain: true };
  });
}

describe('checking on several threads', () => {
  const config = ConfigSchema().parse({});

  it('gives the outcomes one thread gives, in the same order', async () => {
    const all = jobs(150);
    const alone = runJobs(all, config);
    const tally = { byWorkers: 0 };
    const spread = await runJobsOnThreads(all, config, 2, { tally });
    expect(spread).toHaveLength(150);
    expect(spread).toEqual(alone);
    // The worker takes two shares before this thread starts its first: it checked some, never all.
    expect(tally.byWorkers).toBeGreaterThanOrEqual(16);
    expect(tally.byWorkers).toBeLessThan(150);
    // The varied criteria are read, and the odd ones reported, so the comparison is not between empty outcomes.
    expect(alone.filter((outcome) => outcome.diagnostics.length > 0).length).toBeGreaterThan(10);
  });

  it('stops a plan over the time limit in whichever thread checks it, and checks the rest', async () => {
    // Near the end, so a worker takes it when there is one; either way it must be reported.
    const all = jobs(140, 135);
    const spread = await runJobsOnThreads(all, ConfigSchema().parse({ timeLimit: 0.25, maxFileSize: 4 * 1024 * 1024 }), 2);
    expect(spread[135]?.diagnostics.map((item) => item.ruleId)).toEqual(['check-timeout']);
    expect(spread.filter((outcome) => outcome.diagnostics.some((item) => item.ruleId === 'check-timeout'))).toHaveLength(1);
    expect(spread.every((outcome) => outcome !== undefined)).toBe(true);
  });

  it('checks few plans on this thread alone', async () => {
    const tally = { byWorkers: 0 };
    const spread = await runJobsOnThreads(jobs(100), config, 2, { tally });
    expect(spread).toHaveLength(100);
    expect(tally.byWorkers).toBe(0);
  });

  it('checks on this thread the shares of a worker that cannot start', async () => {
    const all = jobs(140);
    const tally = { byWorkers: 0 };
    const spread = await runJobsOnThreads(all, config, 2, { script: new URL('./no-such-worker.ts', import.meta.url), tally });
    expect(spread).toEqual(runJobs(all, config));
    expect(tally.byWorkers).toBe(0);
  });
});
