import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Results } from '../schemas/results-schema.ts';
import { parsePlanPath } from './plan-path.ts';
import { readResults, type ResultsFile } from './read-results.ts';

export const RESULTS_FILE = 'results.yaml';

/** The newest `v<N>.mdx` in a plan folder: observed results apply to it unless they name a version. */
export function latestVersion(folder: string): number | null {
  const versions = readdirSync(folder).flatMap((name) => {
    const location = parsePlanPath(join(folder, name));
    return location ? [location.version] : [];
  });
  return versions.length ? Math.max(...versions) : null;
}

/** Reads the results file beside a plan, if there is one. */
export function readResultsBeside(planPath: string): { path: string; file: ResultsFile } | null {
  const path = join(dirname(planPath), RESULTS_FILE);
  return existsSync(path) ? { path, file: readResults(readFileSync(path, 'utf8')) } : null;
}

/** The version observed results are for: the one they name, or the latest in the folder. */
export function resultsVersion(results: Results, folder: string): number | null {
  return results.version ?? latestVersion(folder);
}

/** The valid results that apply to this plan file's version, or null. */
export function resultsForPlan(planPath: string): Results | null {
  const found = readResultsBeside(planPath);
  const results = found?.file.results;
  const location = parsePlanPath(planPath);
  if (!results || !location || basename(dirname(planPath)) !== location.id) return null;
  return resultsVersion(results, dirname(planPath)) === location.version ? results : null;
}
