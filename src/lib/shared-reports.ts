import type { FileReport } from '../cli/file-report.ts';

// The pre-check and the pages of one build run in one process but load separate copies of these
// modules (the pages are bundled), so the hand-over goes through a global under a registered symbol.
const KEY = Symbol.for('pilotplan.reports');

type Holder = { [KEY]?: { root: string; reports: FileReport[] } };

/** Called by the integration once every plan is checked. */
export function shareReports(root: string, reports: FileReport[]): void {
  (globalThis as Holder)[KEY] = { root, reports };
}

/** The reports of this build's pre-check, with the folder paths in them are relative to. */
export function sharedReports(): { root: string; reports: FileReport[] } | undefined {
  return (globalThis as Holder)[KEY];
}
