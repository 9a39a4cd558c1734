import { getCompileCacheDir } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Config } from '../schemas/config-schema.ts';
import type { PlanJob, PlanOutcome } from './plan-outcome.ts';
import { runJobs } from './run-jobs.ts';

const WORKER = new URL('./check-worker.ts', import.meta.url);
// Plans handed over at a time: small enough that no thread waits long for the last share at the end.
const SHARE = 8;
// Shares a worker holds, so that it never waits for the main thread, which answers between its own shares.
const AHEAD = 2;
// Below this many plans a thread, starting a worker and loading the engine in it costs more than it saves.
const MIN_PLANS_PER_THREAD = 64;

export interface ThreadOptions {
  /** The worker's script (a test gives one that cannot start). */
  script?: URL;
  /** Counts the plans workers checked, so a test can tell that they did. */
  tally?: { byWorkers: number };
}

/**
 * Checks plans on this thread and on up to `threads - 1` workers, each taking the next share of plans
 * as it finishes one, each under the time limit. A worker that fails hands its shares back to this thread.
 */
export async function runJobsOnThreads(jobs: readonly PlanJob[], config: Config, threads: number, options: ThreadOptions = {}): Promise<PlanOutcome[]> {
  const { script = WORKER, tally = { byWorkers: 0 } } = options;
  const helpers = Math.min(threads, Math.floor(jobs.length / MIN_PLANS_PER_THREAD)) - 1;
  if (helpers < 1) return runJobs(jobs, config);
  const outcomes: PlanOutcome[] = [];
  const shares: number[] = [];
  for (let start = 0; start < jobs.length; start += SHARE) shares.push(start);
  const shareOf = (start: number) => jobs.slice(start, start + SHARE);
  const handedBack: number[] = [];
  const place = (start: number, done: readonly PlanOutcome[]) => {
    for (const [index, outcome] of done.entries()) outcomes[start + index] = outcome;
  };
  const workers = Array.from({ length: helpers }, () =>
    runWorker(
      script,
      config,
      () => shares.shift(),
      shareOf,
      (start, done) => {
        tally.byWorkers += done.length;
        place(start, done);
      },
      handedBack,
    ),
  );
  for (let start = shares.shift(); start !== undefined; start = shares.shift()) {
    place(start, runJobs(shareOf(start), config));
    // Lets the workers' answers in, so that each gets its next share.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  for (const start of handedBack) place(start, runJobs(shareOf(start), config));
  return outcomes;
}

/** Keeps one worker busy with shares until none is left; resolves when it has answered them all. */
function runWorker(
  script: URL,
  config: Config,
  next: () => number | undefined,
  shareOf: (start: number) => PlanJob[],
  place: (start: number, done: readonly PlanOutcome[]) => void,
  handedBack: number[],
): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: { config, compileCache: getCompileCacheDir() ?? null } });
    const held: number[] = [];
    let over = false;
    const finish = () => {
      over = true;
      void worker.terminate();
      resolve();
    };
    const fill = () => {
      while (held.length < AHEAD) {
        const start = next();
        if (start === undefined) break;
        held.push(start);
        worker.postMessage(shareOf(start));
      }
      if (held.length === 0) finish();
    };
    worker.on('message', (done: PlanOutcome[]) => {
      place(held.shift() ?? 0, done);
      fill();
    });
    // A worker that cannot start or dies leaves its shares to the main thread, which checks them itself.
    const fail = () => {
      if (over) return;
      handedBack.push(...held.splice(0));
      finish();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    fill();
  });
}
