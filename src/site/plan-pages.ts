import { getEntry, render } from 'astro:content';
import { sharedReports } from '../engine/shared-reports.ts';
import { EXPORT_FILE_NAMES, EXPORT_TARGETS } from '../export/export-targets.ts';
import { COLLECTION_NAMES, type PlanCollection } from './plan-collections.ts';
import { type BrokenPlan, type PlanEntry, type PlanLibrary, type PlanVersion, planLibrary } from './plan-library.ts';
import { tagSlug } from './tag-slug.ts';

let library: PlanLibrary | undefined;

/**
 * The plans, from the reports of the check the build ran before any page. In dev, plans change while
 * the server runs, so they are checked again (from the cache, for unchanged files), and a broken plan
 * is shown as such; a build never publishes one.
 */
async function currentLibrary(): Promise<PlanLibrary> {
  if (library && !import.meta.env.DEV) return library;
  const shared = sharedReports();
  const root = shared?.root ?? process.cwd();
  let reports = import.meta.env.DEV ? undefined : shared?.reports;
  const content = `${root}/content`;
  const { loadConfig } = await import('../model/load-config.ts');
  const config = loadConfig(undefined, content, root);
  if (!reports) {
    const [{ checkFiles }, { collectPlanFiles }] = await Promise.all([import('../engine/check-files.ts'), import('../engine/plan-files.ts')]);
    reports = await checkFiles(collectPlanFiles([content], content, config), config, root, { sections: true });
  }
  library = planLibrary(reports, 'content', root, config.metrics);
  const [broken] = library.broken;
  if (broken && !import.meta.env.DEV) throw new Error(`${broken.reports[0]?.path ?? broken.id} has errors; run \`npx pilotplan check\`. Nothing is published with a broken plan.`);
  return library;
}

export async function entriesOf(collection: PlanCollection): Promise<PlanEntry[]> {
  return (await currentLibrary()).entries.filter((entry) => entry.collection === collection).sort((a, b) => a.latest.data.title.localeCompare(b.latest.data.title));
}

/** Plans of a collection with errors, which only `astro dev` lists. */
export async function brokenOf(collection: PlanCollection): Promise<BrokenPlan[]> {
  return (await currentLibrary()).broken.filter((plan) => plan.collection === collection).sort((a, b) => a.title.localeCompare(b.title));
}

/** The rendered MDX body of one version, through Astro's pipeline (and so the remark plugin). */
export async function renderVersion(collection: PlanCollection, version: PlanVersion) {
  const entry = await getEntry(collection, `${version.id}/v${version.version}`);
  if (!entry) throw new Error(`No ${collection} entry for ${version.id}/v${version.version}`);
  return render(entry);
}

/** One page per collection, with every entry of that collection. */
async function perCollection<T>(paths: (collection: PlanCollection, entries: PlanEntry[]) => T[]): Promise<T[]> {
  const all = await Promise.all(COLLECTION_NAMES.map(async (collection) => paths(collection, await entriesOf(collection))));
  return all.flat();
}

/** `/<collection>/`: the list of a collection's plans, with those that have errors (in dev). */
export async function listPaths() {
  const lists = await perCollection((collection, all) => [{ params: { collection }, props: { collection, all } }]);
  return Promise.all(lists.map(async (list) => ({ ...list, props: { ...list.props, broken: await brokenOf(list.props.collection) } })));
}

/** `/<collection>/<id>/`: the latest version of each plan, or, in dev, the report of a broken one. */
export async function latestPaths() {
  const valid = await perCollection((collection, entries) => entries.map((entry) => ({ params: { collection, id: entry.id }, props: { collection, entry, broken: null } })));
  const broken = (await currentLibrary()).broken.map((plan) => ({
    params: { collection: plan.collection, id: plan.id },
    props: { collection: plan.collection as PlanCollection, entry: null, broken: plan },
  }));
  return [...valid, ...broken];
}

/** `/<collection>/<id>/v<N>.json`: every version of each plan. */
export function versionPaths() {
  return perCollection((collection, entries) =>
    entries.flatMap((entry) => entry.versions.map((version) => ({ params: { collection, id: entry.id, version: `v${version.version}` }, props: { collection, entry, version } }))),
  );
}

/** `/<collection>/<id>/v<N>/`: every version but the latest, which is read at the plan's own address (its `/v<N>/` redirects there). */
export async function olderVersionPaths() {
  return (await versionPaths()).filter(({ props }) => props.version.version !== props.entry.latest.version);
}

/** `/<collection>/<id>/v<N>/changes/`: what changed from the version before, for every version but the first. */
export function changesPaths() {
  return perCollection((collection, entries) =>
    entries.flatMap((entry) =>
      entry.versions.slice(1).map((after, index) => ({
        params: { collection, id: entry.id, version: `v${after.version}` },
        props: { collection, entry, after, before: entry.versions[index] ?? after },
      })),
    ),
  );
}

/** `/<collection>/by-status/<status>/`: one filter page per status in use. */
export function statusPaths() {
  return perCollection((collection, all) =>
    [...new Set(all.map((entry) => entry.latest.data.status))].map((status) => ({
      params: { collection, status },
      props: { collection, all, status, shown: all.filter((entry) => entry.latest.data.status === status) },
    })),
  );
}

/** `/<collection>/by-tag/<slug>/`: one filter page per tag; tags that share a slug share a page. */
export function tagPaths() {
  return perCollection((collection, all) => {
    const bySlug = new Map<string, string>();
    for (const tag of all.flatMap((entry) => entry.latest.data.tags)) if (!bySlug.has(tagSlug(tag))) bySlug.set(tagSlug(tag), tag);
    return [...bySlug].map(([slug, tag]) => ({
      params: { collection, tag: slug },
      props: { collection, all, tag, shown: all.filter((entry) => entry.latest.data.tags.some((each) => tagSlug(each) === slug)) },
    }));
  });
}

/**
 * `/<collection>/<id>/v<N>/<file>.yaml`: each target's export of every version whose criteria all
 * export, served by `astro dev`. A build writes the same files itself (plugins/export-files.ts), at a
 * fraction of what 4,800 routes cost a 1,000-plan site.
 */
export async function exportPaths() {
  if (!import.meta.env.DEV) return [];
  return perCollection((collection, entries) =>
    entries.flatMap((entry) =>
      entry.versions.flatMap((version) => {
        const plan = version.exported?.plan;
        return plan ? EXPORT_TARGETS.map((target) => ({ params: { collection, id: entry.id, version: `v${version.version}`, file: EXPORT_FILE_NAMES[target] }, props: { plan, target } })) : [];
      }),
    ),
  );
}
