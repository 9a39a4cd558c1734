import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { BackgroundCheckInput } from './check-plans.ts';

const input = workerData as BackgroundCheckInput & { compileCache: string | null };
// Where the build keeps a compile cache, this thread reads the engine's compiled code from it too.
if (input.compileCache) enableCompileCache(input.compileCache);
const { checkPlans } = await import('./check-plans.ts');
parentPort?.postMessage(await checkPlans(input));
