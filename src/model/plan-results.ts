import { dirname, join } from 'node:path';
import type { Results } from '../schemas/results-schema.ts';
import { latestVersion, parsePlanPath, RESULTS_FILE } from './plan-path.ts';
import { present, readProjectFile, unsafeFileReason } from './project-file.ts';
import { type ResultsFile, readResults } from './read-results.ts';

// Fetched series make results files large, but never this large; a larger one is refused unread.
const MAX_RESULTS_BYTES = 32 * 1024 * 1024;

/** A plan folder's results file, read once, and the plan version it is for. */
export interface FolderResults {
  path: string;
  /** The file's text, read once. */
  source: string;
  file: ResultsFile;
  /** The version the results name, or else the latest in the folder; null when the file is invalid. */
  version: number | null;
}

/**
 * Reads a results file for the plan versions in `planFolder`, wherever the file itself is. Throws
 * `ProjectFileError` for a link, a file behind a linked folder below `root`, or anything else that is
 * not a regular file, without reading it.
 */
export function readResultsFile(path: string, planFolder: string, root = dirname(path)): FolderResults {
  const source = readProjectFile(path, root, MAX_RESULTS_BYTES);
  const file = readResults(source);
  return { path, source, file, version: file.results ? (file.results.version ?? latestVersion(planFolder)) : null };
}

/**
 * Reads the results file beside a plan, if there is one that may be read; the check reports one that
 * may not. Links are judged from `root` down: the project root, so a linked plan folder is seen too.
 */
export function readResultsBeside(planPath: string, root = dirname(planPath)): FolderResults | null {
  const path = join(dirname(planPath), RESULTS_FILE);
  return present(path) && unsafeFileReason(path, root) === null ? readResultsFile(path, dirname(planPath), root) : null;
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
