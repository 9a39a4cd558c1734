import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../schemas/config-schema.ts';
import type { PlanJob } from './plan-outcome.ts';

const { config, compileCache } = workerData as { config: Config; compileCache: string | null };
// The main thread compiled the engine already: its cache spares this thread most of that work.
if (compileCache) enableCompileCache(compileCache);
const { runJobs } = await import('./run-jobs.ts');
// Each message is a share of the plans; the answer is their outcomes, in order, under the same time limit.
parentPort?.on('message', (jobs: PlanJob[]) => parentPort?.postMessage(runJobs(jobs, config)));
