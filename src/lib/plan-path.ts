import { basename, dirname } from 'node:path';

/** Observed results of a pilot, beside the plan's versions in its folder. */
export const RESULTS_FILE = 'results.yaml';

const VERSION_FILE = /^v([1-9]\d*)\.mdx$/;
const PLAN_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The plan id and version a file's location promises: `<id>/v<N>.mdx`; null when it is not laid out so. */
export function parsePlanPath(path: string): { id: string; version: number } | null {
  const version = VERSION_FILE.exec(basename(path));
  const id = basename(dirname(path));
  if (!version?.[1] || !PLAN_ID.test(id)) return null;
  return { id, version: Number(version[1]) };
}
