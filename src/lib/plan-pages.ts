import { getEntry, render } from 'astro:content';
import { loadPlanLibrary, type PlanEntry, type PlanVersion } from './plan-library.ts';

let library: PlanEntry[] | undefined;

/** The plan library, read once per build and shared by every page; in dev, read afresh so edits show. */
export function planLibrary(): PlanEntry[] {
  if (import.meta.env.DEV) return loadPlanLibrary();
  library ??= loadPlanLibrary();
  return library;
}

export function entriesOf(collection: 'plans' | 'examples'): PlanEntry[] {
  return planLibrary()
    .filter((entry) => entry.collection === collection)
    .sort((a, b) => a.latest.data.title.localeCompare(b.latest.data.title));
}

/** The rendered MDX body of one version, through Astro's pipeline (and so the remark plugin). */
export async function renderVersion(collection: 'plans' | 'examples', version: PlanVersion) {
  const entry = await getEntry(collection, `${version.id}/v${version.version}`);
  if (!entry) throw new Error(`No ${collection} entry for ${version.id}/v${version.version}`);
  return render(entry);
}
