import { existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { PlanCriteria } from '../model/plan-criteria.ts';
import { parsePlanPath, RESULTS_FILE } from '../model/plan-path.ts';
import type { FolderResults } from '../model/plan-results.ts';
import { ProjectFileError, present, projectRoot, readProjectFile, unsafeFileReason } from '../model/project-file.ts';
import type { PilotDates } from '../model/time-box.ts';
import type { Config } from '../schemas/config-schema.ts';
import { CheckCache, hash } from './check-cache.ts';
import { diagnostic, findDuplicatePlans } from './cross-file-checks.ts';
import { linked, optionLikeName, tooLarge } from './file-gate.ts';
import { type FileReport, toDiagnostics } from './file-report.ts';
import type { PlanJob, PlanOutcome } from './plan-outcome.ts';
import { type Said, said } from './rule.ts';
import resultsSchema from './rules/results-schema.ts';

export interface CheckOptions {
  /** Reuse outcomes of unchanged files from earlier runs (default true), or the cache the caller opened. */
  cache?: boolean | CheckCache;
  /** A git reference: report edits to versions that were approved, active or completed there. */
  base?: string;
  /** Report the criteria read (default true); a run that prints messages only leaves them out. */
  criteria?: boolean;
  /** Record how every criterion was read (`check --explain`). */
  explain?: boolean;
  /** Record where each section lies, for the site's pages. */
  sections?: boolean;
  /** Threads to check on (default 1): a large check spreads its plans over workers. */
  threads?: number;
}

/** A file's text, or null when it may not be read (a link, or over the size cap): reported where it is checked itself. */
function readIfAllowed(path: string, root: string, maxBytes: number): string | null {
  try {
    return readProjectFile(path, root, maxBytes);
  } catch (error) {
    if (error instanceof ProjectFileError) return null;
    throw error;
  }
}

const EMPTY: PlanOutcome = { diagnostics: [], criteria: { exit: [], rollback: [] }, explained: [], sections: [] };

/** Checks the jobs, loading the engine only when there is something to parse. */
async function check(jobs: PlanJob[], config: Config, threads = 1): Promise<PlanOutcome[]> {
  // Nothing to parse (everything came from the cache): a warm run never loads the parser or the rules.
  if (jobs.length === 0) return [];
  return (await import('./run-jobs-on-threads.ts')).runJobsOnThreads(jobs, config, threads);
}

/**
 * Checks every plan file, then the `results.yaml` beside them, and returns one report per file.
 * Unchanged files come from the cache; the rest are checked one by one, each under the time limit.
 */
export async function checkFiles(paths: readonly string[], config: Config, cwd: string, options: CheckOptions = {}): Promise<FileReport[]> {
  const show = (path: string) => relative(cwd, path) || path;
  const rootOf = (path: string) => projectRoot(path, cwd);
  const cache = options.cache instanceof CheckCache ? options.cache : new CheckCache(options.cache ?? true, cwd);
  const configKey = hash(JSON.stringify(config));
  // Files that may not be read (links, above all) are reported at the file and never opened.
  const refused = new Map<string, FileReport>();
  const refuse = (path: string, message: Said) => {
    const item = diagnostic(message, config);
    refused.set(path, { path: show(path), source: '', diagnostics: item ? [item] : [] });
  };
  // Each file is read once, without following a link; an oversized one is reported from its size alone.
  const texts = new Map<string, { source: string; size: number }>();
  for (const path of paths) {
    if (basename(path).startsWith('-')) {
      refuse(path, optionLikeName(basename(path)));
      continue;
    }
    try {
      const source = readProjectFile(path, rootOf(path), config.maxFileSize);
      texts.set(path, { source, size: 0 });
    } catch (error) {
      if (!(error instanceof ProjectFileError)) throw error;
      if (error.kind === 'unsafe') refuse(path, linked(error.reason));
      else texts.set(path, { source: '', size: error.size });
    }
  }
  const readable = [...texts.keys()];
  const folders = [...new Set(readable.map((path) => dirname(path)))].filter((folder) => {
    const path = join(folder, RESULTS_FILE);
    if (!present(path)) return false;
    const reason = unsafeFileReason(path, folder);
    if (reason) refuse(path, linked(reason));
    return reason === null;
  });
  // Results files are rare: their reader, with its YAML and schema libraries, loads only when one is there.
  // Results are checked against the criteria of the version they are for.
  const detail = { criteria: (options.criteria ?? true) || folders.length > 0, explain: options.explain ?? false, sections: options.sections ?? false };
  const planResults = folders.length > 0 ? await import('../model/plan-results.ts') : null;
  const results = new Map<string, FolderResults | null>();
  for (const folder of folders) {
    const path = join(folder, RESULTS_FILE);
    try {
      results.set(folder, planResults?.readResultsFile(path, folder, rootOf(path)) ?? null);
    } catch (error) {
      if (!(error instanceof ProjectFileError)) throw error;
      refuse(path, error.kind === 'unsafe' ? linked(error.reason) : said(resultsSchema, 'tooLarge', { size: error.size.toLocaleString('en-US'), max: config.maxFileSize.toLocaleString('en-US') }));
    }
  }
  const jobs = readable.map((path): PlanJob & { key: string; size: number } => {
    const found = results.get(dirname(path)) ?? null;
    const applying = planResults?.resultsFor(path, found) ?? null;
    const { source, size } = texts.get(path) ?? { source: '', size: 0 };
    const resultsText = applying && found ? found.source : '';
    return { path, shown: show(path), source, size, results: applying, ...detail, key: `${hash(source)}:${hash(resultsText)}:${configKey}:${show(path)}` };
  });
  const outcomes = new Map<string, PlanOutcome>();
  for (const job of jobs) {
    if (job.size > config.maxFileSize) {
      const item = diagnostic(tooLarge(job.size, config), config);
      outcomes.set(job.path, { ...EMPTY, diagnostics: item ? [item] : [] });
    }
  }
  const misses = jobs.filter((job) => {
    if (outcomes.has(job.path)) return false;
    const hit = cache.get(job.path, job.key, detail);
    if (hit) outcomes.set(job.path, hit);
    return !hit;
  });
  const computed = await check(
    misses.map(({ key: _key, size: _size, ...job }) => job),
    config,
    options.threads,
  );
  misses.forEach((job, index) => {
    const outcome = computed[index];
    if (!outcome) return;
    outcomes.set(job.path, outcome);
    if (!outcome.diagnostics.some((item) => item.ruleId === 'internal-error' || item.ruleId === 'check-timeout')) cache.set(job.path, job.key, outcome);
  });
  cache.save();

  const criteriaByVersion = new Map<string, { criteria: PlanCriteria; dates: PilotDates | null }>();
  const planReports: FileReport[] = jobs.map((job) => {
    const location = parsePlanPath(job.path);
    const outcome = outcomes.get(job.path) ?? EMPTY;
    if (location && outcome.criteria) criteriaByVersion.set(`${dirname(job.path)}/v${location.version}`, { criteria: outcome.criteria, dates: outcome.dates ?? null });
    const { diagnostics, ...details } = outcome;
    return { path: job.shown, source: job.source, diagnostics, plan: { id: location?.id ?? null, version: location?.version ?? null, ...details } };
  });
  const deduplicated = findDuplicatePlans(planReports, config);
  const reports = options.base === undefined ? deduplicated : (await import('./frozen-edits.ts')).findFrozenEdits(deduplicated, options.base, cwd, config);
  if (results.size === 0) return [...reports, ...refused.values()];
  const { checkResults } = await import('./check-results.ts');
  for (const [folder, found] of results) {
    if (!found) continue;
    const { version } = found;
    const versionPath = `${folder}/v${version}.mdx`;
    let read = criteriaByVersion.get(`${folder}/v${version}`) ?? null;
    // The version the results are for may not be among the files named on the command line.
    const source = !read && found.file.results && existsSync(versionPath) ? readIfAllowed(versionPath, folder, config.maxFileSize) : null;
    if (source !== null) {
      const [outcome] = await check([{ path: versionPath, shown: show(versionPath), source, results: null, criteria: true }], config);
      read = outcome?.criteria ? { criteria: outcome.criteria, dates: outcome.dates ?? null } : null;
    }
    const file = checkResults(found.source, show(found.path), found.file, read ? { ...read, path: show(versionPath) } : null, config);
    reports.push({ path: show(found.path), source: found.source, diagnostics: toDiagnostics(file.messages) });
  }
  return [...reports, ...refused.values()];
}
