import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCompileCacheDir } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Config } from '../schemas/config-schema.ts';
import { diagnostic, findDuplicatePlans } from './cross-file-checks.ts';
import { ruleDocsUrl } from './site-urls.ts';
import type { PlanCriteria } from '../model/plan-criteria.ts';
import { parsePlanPath, RESULTS_FILE } from '../model/plan-path.ts';
import type { FolderResults } from '../model/plan-results.ts';
import { CheckCache, hash } from './check-cache.ts';
import { toDiagnostics, type FileReport } from './file-report.ts';
import type { PlanJob, PlanOutcome } from './plan-job.ts';

export interface CheckOptions {
  /** Reuse outcomes of unchanged files from earlier runs (default true), or the cache the caller opened. */
  cache?: boolean | CheckCache;
  /** A git reference: report edits to versions that were approved, active or completed there. */
  base?: string;
  /** Worker threads; 0 checks on the main thread, without a time limit. Defaults to one per core. */
  workers?: number;
  /** Record how every criterion was read (`check --explain`). */
  explain?: boolean;
}

// Below this many files, starting a worker costs more than it saves.
const FILES_PER_WORKER = 150;
const WORKER = new URL('./check-worker.ts', import.meta.url);

const EMPTY: PlanOutcome = { diagnostics: [], criteria: { exit: [], rollback: [] }, sections: [] };
// Loading the checker in a fresh worker can take a while on a busy machine; the file limit starts after.
const STARTUP_MS = 60_000;

/** A file the checker could not finish: its one message, at its rule's severity (`internal-error` is always an error). */
function failure(ruleId: 'check-timeout' | 'file-too-large' | 'internal-error', message: string, config: Config): PlanOutcome {
  const item = ruleId === 'internal-error' ? { ruleId, severity: 'error' as const, message, line: 1, column: 1, url: ruleDocsUrl(ruleId) } : diagnostic(ruleId, message, config);
  return { ...EMPTY, diagnostics: item ? [item] : [] };
}

/**
 * Runs one share of the jobs in a worker, one file at a time under a time limit. A file that runs
 * over it (or crashes the worker) is reported, the worker is replaced, and the rest go on.
 */
function runShare(share: PlanJob[], config: Config, limitMs: number): Promise<PlanOutcome[]> {
  const outcomes: PlanOutcome[] = [];
  return new Promise((resolve) => {
    const start = () => {
      if (outcomes.length >= share.length) {
        resolve(outcomes);
        return;
      }
      const worker = new Worker(WORKER, { workerData: { jobs: share.slice(outcomes.length), config, compileCache: getCompileCacheDir() ?? null } });
      let live = true;
      let timer = setTimeout(() => stop(failure('check-timeout', 'The checker could not start.', config)), STARTUP_MS);
      const stop = (outcome: PlanOutcome) => {
        if (!live) return;
        live = false;
        clearTimeout(timer);
        void worker.terminate();
        outcomes.push(outcome);
        start();
      };
      const limit = `${config.timeLimit} s`;
      worker.on('message', (message: { ready?: true; outcome?: PlanOutcome }) => {
        if (!live) return;
        clearTimeout(timer);
        if (message.outcome) outcomes.push(message.outcome);
        if (outcomes.length >= share.length) {
          live = false;
          void worker.terminate();
          resolve(outcomes);
          return;
        }
        timer = setTimeout(() => stop(failure('check-timeout', `Checking this file took longer than ${limit} (\`timeLimit\` in pilotplan.config.json), so it was stopped; the other files were checked. Look for deeply nested lists or quotes, or very long runs of brackets or markers.`, config)), limitMs);
      });
      worker.on('error', (error: Error) => stop(failure('internal-error', `The checker failed on this file (${error.message}). The rest was checked; please report this file.`, config)));
      worker.on('exit', () => stop(failure('internal-error', 'The checker stopped on this file. The rest was checked; please report this file.', config)));
    };
    start();
  });
}

/**
 * Checks the jobs on worker threads, each taking every n-th job, each file under the time limit.
 * A few small files are checked on the main thread, where starting a worker would cost more.
 */
async function runJobs(jobs: PlanJob[], config: Config, workers: number): Promise<PlanOutcome[]> {
  // Nothing to parse (everything came from the cache): do not load the parser at all.
  if (jobs.length === 0) return [];
  // A bundled copy of this module (inside a site build) has no worker file beside it.
  const canFork = WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
  const small = jobs.length <= 20 && jobs.every((job) => job.source.length < 64 * 1024);
  if (!canFork || workers === 0 || small) {
    const { runPlanJob } = await import('./plan-job.ts');
    return jobs.map((job) => runPlanJob(job, config));
  }
  const threads = Math.max(1, Math.min(workers, Math.ceil(jobs.length / FILES_PER_WORKER)));
  const shares = Array.from({ length: threads }, (_, thread) => jobs.filter((_, index) => index % threads === thread));
  const results = await Promise.all(shares.map((share) => runShare(share, config, config.timeLimit * 1000)));
  return jobs.map((_, index) => results[index % threads]?.[Math.floor(index / threads)] ?? EMPTY);
}

/**
 * Checks every plan file, then the `results.yaml` beside them, and returns one report per file.
 * Unchanged files come from the cache; the rest are parsed on all cores.
 */
export async function checkFiles(paths: readonly string[], config: Config, cwd: string, options: CheckOptions = {}): Promise<FileReport[]> {
  const show = (path: string) => relative(cwd, path) || path;
  const cache = options.cache instanceof CheckCache ? options.cache : new CheckCache(options.cache ?? true);
  const configKey = hash(JSON.stringify(config));
  // Results files are rare: their reader, with its YAML and schema libraries, loads only when one is there.
  const folders = [...new Set(paths.map((path) => dirname(path)))].filter((folder) => existsSync(join(folder, RESULTS_FILE)));
  const planResults = folders.length > 0 ? await import('../model/plan-results.ts') : null;
  const results = new Map<string, FolderResults | null>();
  for (const folder of folders) results.set(folder, planResults?.readResultsBeside(join(folder, RESULTS_FILE)) ?? null);
  const jobs = paths.map((path): PlanJob & { key: string; size: number } => {
    const found = results.get(dirname(path)) ?? null;
    const applying = planResults?.resultsFor(path, found) ?? null;
    // An oversized file is reported from its size alone and never read into memory.
    const size = statSync(path).size;
    const source = size > config.maxFileSize ? '' : readFileSync(path, 'utf8');
    const resultsText = applying && found ? readFileSync(found.path, 'utf8') : '';
    return { path, shown: show(path), source, size, results: applying, explain: options.explain ?? false, key: `${hash(source)}:${hash(resultsText)}:${configKey}:${show(path)}` };
  });
  const outcomes = new Map<string, PlanOutcome>();
  for (const job of jobs) {
    if (job.size > config.maxFileSize) {
      outcomes.set(job.path, failure('file-too-large', `Unexpected file of ${job.size.toLocaleString('en-US')} bytes, expected at most ${config.maxFileSize.toLocaleString('en-US')} (\`maxFileSize\` in pilotplan.config.json). Split the plan or shorten it; it was not checked.`, config));
    }
  }
  const misses = jobs.filter((job) => {
    if (outcomes.has(job.path)) return false;
    // An outcome cached without the readings cannot serve a run that explains them.
    const hit = cache.get(job.path, job.key);
    if (hit && options.explain && !hit.explained) return true;
    if (hit) outcomes.set(job.path, hit);
    return !hit;
  });
  const computed = await runJobs(misses.map(({ key: _key, size: _size, ...job }) => job), config, options.workers ?? availableParallelism());
  misses.forEach((job, index) => {
    const outcome = computed[index];
    if (!outcome) return;
    outcomes.set(job.path, outcome);
    if (!outcome.diagnostics.some((item) => item.ruleId === 'internal-error' || item.ruleId === 'check-timeout')) cache.set(job.path, job.key, outcome);
  });
  cache.save();

  const criteriaByVersion = new Map<string, PlanCriteria>();
  const planReports: FileReport[] = jobs.map((job) => {
    const location = parsePlanPath(job.path);
    const outcome = outcomes.get(job.path) ?? EMPTY;
    if (location) criteriaByVersion.set(`${dirname(job.path)}/v${location.version}`, outcome.criteria);
    return { path: job.shown, source: job.source, diagnostics: outcome.diagnostics, plan: { id: location?.id ?? null, version: location?.version ?? null, criteria: outcome.criteria, ...(outcome.explained ? { explained: outcome.explained } : {}), sections: outcome.sections } };
  });
  const deduplicated = findDuplicatePlans(planReports, config);
  const reports = options.base === undefined ? deduplicated : (await import('./frozen-edits.ts')).findFrozenEdits(deduplicated, options.base, cwd, config);
  if (results.size === 0) return reports;
  const { checkResults } = await import('./check-results.ts');
  for (const [folder, found] of results) {
    if (!found) continue;
    const { version } = found;
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
