import { Script } from 'node:vm';
import type { Config } from '../schemas/config-schema.ts';
import { diagnostic } from './cross-file-checks.ts';
import { timedOut } from './file-gate.ts';
import { runPlanJob } from './plan-job.ts';
import type { PlanJob, PlanOutcome } from './plan-outcome.ts';

// How long one run of the script below keeps taking files before it hands back (at most, and a tenth of
// the limit): a file that starts within this much of the run's start still gets its whole time limit.
const SLICE_MS = 50;

// Called through `vm` so that V8 can stop a file that runs over its time limit, on this thread.
const RUN = new Script('globalThis[Symbol.for("pilotplan.run")]()');
const KEY = Symbol.for('pilotplan.run');

/**
 * Checks plans one after another on this thread, each under the time limit: V8 stops a file that runs
 * over it, which is reported as `check-timeout` while the rest are still checked. Worker threads were
 * measured slower here: starting them cost more than the second core gave back.
 */
export function runJobs(jobs: readonly PlanJob[], config: Config): PlanOutcome[] {
  const outcomes: PlanOutcome[] = [];
  const limitMs = config.timeLimit * 1000;
  const sliceMs = Math.min(SLICE_MS, limitMs / 10);
  while (outcomes.length < jobs.length) {
    const started = performance.now();
    const finished = withinTimeLimit(() => {
      while (outcomes.length < jobs.length && performance.now() - started < sliceMs) {
        const job = jobs[outcomes.length] as PlanJob;
        outcomes.push(runPlanJob(job, config));
      }
    }, limitMs + sliceMs);
    if (!finished) {
      const stopped = diagnostic(timedOut(config), config);
      outcomes.push({ diagnostics: stopped ? [stopped] : [], criteria: { exit: [], rollback: [] }, explained: [], sections: [] });
    }
  }
  return outcomes;
}

/** Runs `work` on this thread under `limitMs`: V8 stops it past the limit, and then it returns false. */
export function withinTimeLimit(work: () => void, limitMs: number): boolean {
  const holder = globalThis as { [KEY]?: () => void };
  holder[KEY] = work;
  try {
    RUN.runInThisContext({ timeout: Math.ceil(limitMs) });
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return false;
    throw error;
  } finally {
    delete holder[KEY];
  }
}
