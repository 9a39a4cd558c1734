import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../schemas/config-schema.ts';
import type { PlanJob } from './plan-job.ts';

const { jobs, config, compileCache } = workerData as { jobs: PlanJob[]; config: Config; compileCache: string | null };
// Each worker compiles the engine anew; V8's cache of the CLI's own run lets it skip most of that.
if (compileCache) enableCompileCache(compileCache);
const { runPlanJob } = await import('./plan-job.ts');
// Says when it is ready, then sends one outcome per plan, so the main thread can time each file alone.
parentPort?.postMessage({ ready: true });
for (const job of jobs) parentPort?.postMessage({ outcome: runPlanJob(job, config) });
