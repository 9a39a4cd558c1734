import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../schemas/config-schema.ts';
import { runPlanJob, type PlanJob } from './plan-job.ts';

// Says when it is ready, then sends one outcome per plan, so the main thread can time each file alone.
const { jobs, config } = workerData as { jobs: PlanJob[]; config: Config };
parentPort?.postMessage({ ready: true });
for (const job of jobs) parentPort?.postMessage({ outcome: runPlanJob(job, config) });
