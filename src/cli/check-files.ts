import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../schemas/config-schema.ts';
import { checkResults } from '../lib/check-results.ts';
import type { PlanCriteria } from '../lib/plan-criteria.ts';
import { parsePlanPath } from '../lib/plan-path.ts';
import { readResultsBeside, resultsVersion } from '../lib/plan-results.ts';
import { CheckCache, hash } from './check-cache.ts';
import { toDiagnostics, type FileReport } from './file-report.ts';
import type { PlanJob, PlanOutcome } from './plan-job.ts';

export interface CheckOptions {
  /** Reuse outcomes of unchanged files from earlier runs (default true). */
  cache?: boolean;
  /** Worker threads besides the main one; defaults to one per extra core for large runs. */
  workers?: number;
}

// Below this many files, starting a worker costs more than it saves.
const FILES_PER_WORKER = 150;

function runInWorker(jobs: PlanJob[], config: Config): Promise<PlanOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: { jobs, config } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`checker worker stopped with code ${code}`)));
  });
}

/** Checks the jobs on the main thread and worker threads at once, each taking every n-th job. */
async function runJobs(jobs: PlanJob[], config: Config, workers: number): Promise<PlanOutcome[]> {
  const threads = Math.max(0, Math.min(workers, Math.floor(jobs.length / FILES_PER_WORKER)));
  const shares = Array.from({ length: threads + 1 }, (_, thread) => jobs.filter((_, index) => index % (threads + 1) === thread));
  const { runPlanJob } = await import('./plan-job.ts');
  const [own = [], ...others] = shares;
  const pending = others.map((share) => runInWorker(share, config));
  const mine = own.map((job) => runPlanJob(job, config));
  const results = [mine, ...(await Promise.all(pending))];
  return jobs.map((_, index) => results[index % (threads + 1)]?.[Math.floor(index / (threads + 1))] ?? { diagnostics: [], criteria: { exit: [], rollback: [] }, sections: [] });
}

/**
 * Checks every plan file, then the `results.yaml` beside them, and returns one report per file.
 * Unchanged files come from the cache; the rest are parsed on all cores.
 */
export async function checkFiles(paths: readonly string[], config: Config, cwd: string, options: CheckOptions = {}): Promise<FileReport[]> {
  const show = (path: string) => relative(cwd, path) || path;
  const cache = new CheckCache(options.cache ?? true);
  const configKey = hash(JSON.stringify(config));
  const results = new Map<string, ReturnType<typeof readResultsBeside>>();
  const jobs = paths.map((path): PlanJob & { key: string } => {
    const folder = dirname(path);
    if (!results.has(folder)) results.set(folder, readResultsBeside(path));
    const found = results.get(folder);
    const location = parsePlanPath(path);
    const applies = found?.file.results && location && resultsVersion(found.file.results, folder) === location.version;
    const source = readFileSync(path, 'utf8');
    const resultsText = applies && found ? readFileSync(found.path, 'utf8') : '';
    return { path, shown: show(path), source, results: applies && found ? found.file.results : null, key: `${hash(source)}:${hash(resultsText)}:${configKey}:${show(path)}` };
  });
  const outcomes = new Map<string, PlanOutcome>();
  const misses = jobs.filter((job) => {
    const hit = cache.get(job.path, job.key);
    if (hit) outcomes.set(job.path, hit);
    return !hit;
  });
  const computed = await runJobs(misses.map(({ key: _key, ...job }) => job), config, options.workers ?? availableParallelism() - 1);
  misses.forEach((job, index) => {
    const outcome = computed[index];
    if (!outcome) return;
    outcomes.set(job.path, outcome);
    if (!outcome.diagnostics.some((item) => item.ruleId === 'internal-error')) cache.set(job.path, job.key, outcome);
  });
  cache.save();

  const criteriaByVersion = new Map<string, PlanCriteria>();
  const reports: FileReport[] = jobs.map((job) => {
    const location = parsePlanPath(job.path);
    const outcome = outcomes.get(job.path) ?? { diagnostics: [], criteria: { exit: [], rollback: [] }, sections: [] };
    if (location) criteriaByVersion.set(`${dirname(job.path)}/v${location.version}`, outcome.criteria);
    return { path: job.shown, source: job.source, diagnostics: outcome.diagnostics, plan: { id: location?.id ?? null, version: location?.version ?? null, criteria: outcome.criteria, sections: outcome.sections } };
  });
  for (const [folder, found] of results) {
    if (!found) continue;
    const version = found.file.results ? resultsVersion(found.file.results, folder) : null;
    const versionPath = `${folder}/v${version}.mdx`;
    let criteria = criteriaByVersion.get(`${folder}/v${version}`) ?? null;
    // The version the results are for may not be among the files named on the command line.
    if (!criteria && found.file.results && existsSync(versionPath)) {
      const [outcome] = await runJobs([{ path: versionPath, shown: show(versionPath), source: readFileSync(versionPath, 'utf8'), results: null }], config, 0);
      criteria = outcome?.criteria ?? null;
    }
    const source = readFileSync(found.path, 'utf8');
    const file = checkResults(source, show(found.path), found.file, criteria, config);
    reports.push({ path: show(found.path), source, diagnostics: toDiagnostics(file.messages) });
  }
  return reports;
}
