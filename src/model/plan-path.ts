import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/** The newest `v<N>.mdx` in a plan folder: observed results apply to it unless they name a version. */
export function latestVersion(folder: string): number | null {
  const versions = readdirSync(folder).flatMap((name) => {
    const location = parsePlanPath(join(folder, name));
    return location ? [location.version] : [];
  });
  return versions.length ? Math.max(...versions) : null;
}
