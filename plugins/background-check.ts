import { getCompileCacheDir } from 'node:module';
import { Worker } from 'node:worker_threads';
import { type BackgroundCheckInput, type BackgroundCheckOutcome, checkPlans } from './check-plans.ts';

/**
 * Checks the plans on a worker thread while Astro loads the content and collects the pages on this one:
 * the build's two cores both work where one waited. A worker that cannot start or dies leaves the check
 * to this thread, so the outcome is the same either way.
 */
export function checkPlansInBackground(input: BackgroundCheckInput, script = new URL('./plan-check-worker.ts', import.meta.url)): Promise<BackgroundCheckOutcome> {
  return new Promise((resolve) => {
    let answered = false;
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: { ...input, compileCache: getCompileCacheDir() ?? null } });
    } catch {
      // No thread to be had (a limit on threads, or data a thread cannot take): this one checks.
      resolve(checkPlans(input));
      return;
    }
    worker.once('message', (outcome: BackgroundCheckOutcome) => {
      answered = true;
      resolve(outcome);
      void worker.terminate();
    });
    const fallBack = () => {
      if (answered) return;
      answered = true;
      resolve(checkPlans(input));
    };
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  });
}
