import { getEntry, render } from 'astro:content';
import { planLibrary, type PlanEntry, type PlanVersion } from './plan-library.ts';
import { sharedReports } from './shared-reports.ts';
import { tagSlug } from './tag-slug.ts';

let library: PlanEntry[] | undefined;

/**
 * The plans, from the reports of the check the build ran before any page. In dev, plans change while
 * the server runs, so they are checked again (from the cache, for unchanged files).
 */
async function currentLibrary(): Promise<PlanEntry[]> {
  if (library && !import.meta.env.DEV) return library;
  const shared = sharedReports();
  const root = shared?.root ?? process.cwd();
  let reports = import.meta.env.DEV ? undefined : shared?.reports;
  if (!reports) {
    const [{ checkFiles }, { loadConfig }, { collectPlanFiles }] = await Promise.all([
      import('../cli/check-files.ts'),
      import('./load-config.ts'),
      import('./plan-files.ts'),
    ]);
    const content = `${root}/content`;
    const config = loadConfig(undefined, content, root);
    reports = await checkFiles(collectPlanFiles([content], content, config), config, root);
  }
  library = planLibrary(reports, 'content', root);
  return library;
}

export async function entriesOf(collection: 'plans' | 'examples'): Promise<PlanEntry[]> {
  return (await currentLibrary())
    .filter((entry) => entry.collection === collection)
    .sort((a, b) => a.latest.data.title.localeCompare(b.latest.data.title));
}

/** The rendered MDX body of one version, through Astro's pipeline (and so the remark plugin). */
export async function renderVersion(collection: 'plans' | 'examples', version: PlanVersion) {
  const entry = await getEntry(collection, `${version.id}/v${version.version}`);
  if (!entry) throw new Error(`No ${collection} entry for ${version.id}/v${version.version}`);
  return render(entry);
}

type Collection = 'plans' | 'examples';

/** `/<collection>/<id>/`: the latest version of each plan. */
export async function latestPaths(collection: Collection) {
  return (await entriesOf(collection)).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

/** `/<collection>/<id>/v<N>/` (and its `.json`): every version of each plan. */
export async function versionPaths(collection: Collection) {
  return (await entriesOf(collection)).flatMap((entry) =>
    entry.versions.map((version) => ({ params: { id: entry.id, version: `v${version.version}` }, props: { entry, version } })),
  );
}

/** `/<collection>/by-status/<status>/`: one filter page per status in use. */
export async function statusPaths(collection: Collection) {
  const all = await entriesOf(collection);
  return [...new Set(all.map((entry) => entry.latest.data.status))].map((status) => ({
    params: { status },
    props: { all, status, shown: all.filter((entry) => entry.latest.data.status === status) },
  }));
}

/** `/<collection>/by-tag/<slug>/`: one filter page per tag; tags that share a slug share a page. */
export async function tagPaths(collection: Collection) {
  const all = await entriesOf(collection);
  const bySlug = new Map<string, string>();
  for (const tag of all.flatMap((entry) => entry.latest.data.tags)) if (!bySlug.has(tagSlug(tag))) bySlug.set(tagSlug(tag), tag);
  return [...bySlug].map(([slug, tag]) => ({
    params: { tag: slug },
    props: { all, tag, shown: all.filter((entry) => entry.latest.data.tags.some((each) => tagSlug(each) === slug)) },
  }));
}
