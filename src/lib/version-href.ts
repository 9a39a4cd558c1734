import type { PlanEntry } from './plan-library.ts';

/**
 * Where one version of a plan is read. The latest is rendered once, at the plan's own address; its
 * `/v<N>/` address redirects there until a newer version takes over, so links never go stale.
 */
export function versionHref(collection: 'plans' | 'examples', entry: PlanEntry, version: number): string {
  const base = `/${collection}/${entry.id}`;
  return version === entry.latest.version ? `${base}/` : `${base}/v${version}/`;
}
