import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanEntry } from './plan-library.ts';
import { latestVersion } from '../model/plan-path.ts';

/**
 * Where one version of a plan is read. The latest is rendered once, at the plan's own address; its
 * `/v<N>/` address redirects there until a newer version takes over, so links never go stale.
 */
export function versionHref(collection: 'plans' | 'examples', entry: PlanEntry, version: number): string {
  const base = `/${collection}/${entry.id}`;
  return version === entry.latest.version ? `${base}/` : `${base}/v${version}/`;
}

const VERSION_ADDRESS = /^\/(plans|examples)\/([a-z0-9][a-z0-9-]*)\/v([1-9]\d*)\/$/;

/**
 * Whether a site address is a latest version's `/v<N>/`, which only redirects to the plan's page and
 * so has no place in the sitemap. `contentDir` holds the `plans/` and `examples/` folders.
 */
export function isLatestVersionAddress(url: string, contentDir: string): boolean {
  const [, collection = '', id = '', version = ''] = VERSION_ADDRESS.exec(new URL(url, 'http://site').pathname) ?? [];
  const folder = join(contentDir, collection, id);
  return version !== '' && existsSync(folder) && latestVersion(folder) === Number(version);
}
