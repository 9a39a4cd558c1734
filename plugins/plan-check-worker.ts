import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { BackgroundCheckInput } from './check-plans.ts';

const input = workerData as BackgroundCheckInput & { compileCache: string | null };
// Astro's own start compiled most of the engine already: its cache spares this thread that work.
if (input.compileCache) enableCompileCache(input.compileCache);
const { checkPlans } = await import('./check-plans.ts');
parentPort?.postMessage(await checkPlans(input));
