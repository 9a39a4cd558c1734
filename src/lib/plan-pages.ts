import { getEntry, render } from 'astro:content';
import { planLibrary, type PlanEntry, type PlanVersion } from './plan-library.ts';
import { sharedReports } from './shared-reports.ts';

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
