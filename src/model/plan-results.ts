import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Results } from '../schemas/results-schema.ts';
import { latestVersion, parsePlanPath, RESULTS_FILE } from './plan-path.ts';
import { readResults, type ResultsFile } from './read-results.ts';

/** A plan folder's results file, read once, and the plan version it is for. */
export interface FolderResults {
  path: string;
  file: ResultsFile;
  /** The version the results name, or else the latest in the folder; null when the file is invalid. */
  version: number | null;
}

/** Reads a results file for the plan versions in `planFolder`, wherever the file itself is. */
export function readResultsFile(path: string, planFolder: string): FolderResults {
  const file = readResults(readFileSync(path, 'utf8'));
  return { path, file, version: file.results ? (file.results.version ?? latestVersion(planFolder)) : null };
}

/** Reads the results file beside a plan, if there is one. */
export function readResultsBeside(planPath: string): FolderResults | null {
  const folder = dirname(planPath);
  const path = join(folder, RESULTS_FILE);
  return existsSync(path) ? readResultsFile(path, folder) : null;
}

/** The valid results in `found` if they are for this plan file's version, else null. */
export function resultsFor(planPath: string, found: FolderResults | null): Results | null {
  const location = parsePlanPath(planPath);
  return found?.file.results && location && found.version === location.version ? found.file.results : null;
}

/** The valid results that apply to this plan file's version, or null. */
export function resultsForPlan(planPath: string): Results | null {
  return resultsFor(planPath, readResultsBeside(planPath));
}
