import { resolve } from 'node:path';
import type { FileReport } from './file-report.ts';

// The pre-check and the pages of one build run in one process but load separate copies of these
// modules (the pages are bundled), so the hand-over goes through a global under a registered symbol.
const KEY = Symbol.for('pilotplan.reports');

type Holder = { [KEY]?: { root: string; reports: FileReport[]; byPath?: Map<string, FileReport> } };

/** Called by the integration once every plan is checked. */
export function shareReports(root: string, reports: FileReport[]): void {
  (globalThis as Holder)[KEY] = { root, reports };
}

/** The reports of this build's pre-check, with the folder paths in them are relative to. */
export function sharedReports(): { root: string; reports: FileReport[] } | undefined {
  return (globalThis as Holder)[KEY];
}

/**
 * The pre-check's report on this file, by absolute path, if it checked this very text and found no
 * error. The remark plugin then has nothing left to find, so each plan's rules run once per build.
 */
export function cleanSharedReport(path: string, source: string): FileReport | undefined {
  const shared = (globalThis as Holder)[KEY];
  if (!shared) return undefined;
  shared.byPath ??= new Map(shared.reports.map((report) => [resolve(shared.root, report.path), report]));
  const report = shared.byPath.get(path);
  return report?.source === source && !report.diagnostics.some((item) => item.severity === 'error') ? report : undefined;
}

const REFUSED = Symbol.for('pilotplan.refused');
type RefusalHolder = { [REFUSED]?: string[] };

/**
 * Records a file the remark plugin refused. Astro's loaders render a refused `.md` page as a blank one and
 * go on, so the integration fails the build at its end on any refusal the pre-check did not stop first.
 */
export function recordRefusal(report: string): void {
  const holder = globalThis as RefusalHolder;
  holder[REFUSED] ??= [];
  holder[REFUSED].push(report);
}

/** The reports of every file the remark plugin refused in this process. */
export function refusals(): readonly string[] {
  return (globalThis as RefusalHolder)[REFUSED] ?? [];
}
