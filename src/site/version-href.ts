import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { latestVersion } from '../model/plan-path.ts';
import type { PlanEntry } from './plan-library.ts';

/**
 * Where one version of a plan is read. The latest is rendered once, at the plan's own address; its
 * `/v<N>/` address redirects there until a newer version takes over, so links never go stale.
 */
export function versionHref(collection: 'plans' | 'examples', entry: PlanEntry, version: number): string {
  const base = `/${collection}/${entry.id}`;
  return version === entry.latest.version ? `${base}/` : `${base}/v${version}/`;
}

/**
 * For each plan's latest version, its `/<collection>/<id>/v<N>/` address leading to the plan's own
 * page, as Astro's `redirects`: the version is rendered once, and its permalink still works.
 * `contentDir` holds the collections' folders, each with a folder per plan.
 */
export function latestVersionRedirects(contentDir: string, collections: readonly string[]): Record<string, { status: 301; destination: string }> {
  const redirects: Record<string, { status: 301; destination: string }> = {};
  for (const collection of collections) {
    const folder = join(contentDir, collection);
    if (!existsSync(folder)) continue;
    for (const plan of readdirSync(folder, { withFileTypes: true })) {
      const latest = plan.isDirectory() ? latestVersion(join(folder, plan.name)) : null;
      if (latest !== null) redirects[`/${collection}/${plan.name}/v${latest}/`] = { status: 301, destination: `/${collection}/${plan.name}/` };
    }
  }
  return redirects;
}
