import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../schemas/config-schema.ts';
import { runPlanJob, type PlanJob } from './plan-job.ts';

// A worker checks its share of the plans and sends the outcomes back in the order it got them.
const { jobs, config } = workerData as { jobs: PlanJob[]; config: Config };
parentPort?.postMessage(jobs.map((job) => runPlanJob(job, config)));
