import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BaseRefError } from '../engine/base-ref-error.ts';
import { checkFiles } from '../engine/check-files.ts';
import { findDuplicatePlans } from '../engine/cross-file-checks.ts';
import type { Diagnostic, FileReport } from '../engine/file-report.ts';
import { findFrozenEdits } from '../engine/frozen-edits.ts';
import { collectContentFiles } from '../engine/plan-files.ts';
import { parsePlanPath, RESULTS_FILE } from '../model/plan-path.ts';
import type { Project } from './project.ts';

/** A saved file's problems, as `check` finds them on disk: for the results.yaml of a plan folder. */
export interface FolderProblems {
  uri: string;
  problems: readonly Diagnostic[];
}

/** A plan as the cross-file checks take it, from its path: the id and version the path gives. */
function pathReport(path: string, source: string): FileReport {
  const location = parsePlanPath(path);
  return { path, source, diagnostics: [], plan: { id: location?.id ?? null, version: location?.version ?? null } };
}

/**
 * What only the files on disk together can show, for the folder of a plan or results file just opened
 * or saved: `check` on the folder's plans, and the problems of its results.yaml (which `check` reports
 * against the version the results are for).
 */
export async function checkFolder(project: Project, path: string): Promise<FolderProblems | null> {
  const folder = dirname(resolve(project.root, path));
  const { plans } = collectContentFiles([folder], project.contentDir, project.config);
  if (plans.length === 0) return null;
  const reports = await checkFiles(plans, project.config, project.root, { cache: false });
  const results = join(folder, RESULTS_FILE);
  const report = reports.find((each) => resolve(project.root, each.path) === results);
  return { uri: pathToFileURL(results).href, problems: report?.diagnostics ?? [] };
}

/**
 * `duplicate-plan` for one plan, as `check` finds it over every plan of the project: ids and versions
 * come from the paths, so the walk reads no file. The plan later in `check`'s order is the one reported.
 */
export function duplicatePlanProblems(project: Project, path: string): readonly Diagnostic[] {
  const { plans } = collectContentFiles([project.contentDir], project.contentDir, project.config);
  const reports = plans.map((file) => pathReport(relative(project.root, file), ''));
  return findDuplicatePlans(reports, project.config).find((report) => report.path === path)?.diagnostics ?? [];
}

/**
 * `approved-immutable` for one saved plan, against the last commit: a version that was approved,
 * active or completed at `HEAD` may change only its status and decision. Nothing outside a git
 * repository, or before its first commit.
 */
export function frozenEditProblems(project: Project, path: string, source: string): readonly Diagnostic[] {
  try {
    return findFrozenEdits([pathReport(path, source)], 'HEAD', project.root, project.config)[0]?.diagnostics ?? [];
  } catch (error) {
    if (error instanceof BaseRefError) return [];
    throw error;
  }
}
