import { dirname, join, relative, resolve } from 'node:path';
import type { FileReport } from '../engine/file-report.ts';
import { type Evaluation, evaluatePlan } from '../evaluate/evaluate-plan.ts';
import { readFrontmatter } from '../model/frontmatter.ts';
import type { PlanCriteria } from '../model/plan-criteria.ts';
import { type FolderResults, readResultsBeside, resultsFor } from '../model/plan-results.ts';
import { endDate, pilotDates } from '../model/time-box.ts';
import type { MetricCatalog } from '../schemas/metric-catalog-schema.ts';
import { type PlanFrontmatter, PlanFrontmatterSchema } from '../schemas/plan-frontmatter-schema.ts';
import { type VersionExport, versionExport } from './plan-exports.ts';

export interface SectionText {
  /** The catalogue id, or the heading text for a section the catalogue does not know. */
  key: string;
  title: string;
  /** The section's Markdown source, heading excluded. */
  text: string;
}

export interface PlanVersion {
  id: string;
  version: number;
  /** Repository-relative path, for edit links and git history. */
  path: string;
  data: PlanFrontmatter;
  end: string;
  criteria: PlanCriteria;
  sections: SectionText[];
  /** The evaluation of the plan's results, on the version they are for. */
  evaluation: Evaluation | null;
  resultsUpdated: string | null;
  /** The criteria against the project's metric catalogue, and the exports; null without a catalogue. */
  exported: VersionExport | null;
}

export interface PlanEntry {
  id: string;
  /** `plans` or `examples`: which folder of `content/` the plan lives in. */
  collection: string;
  /** Oldest first. */
  versions: PlanVersion[];
  latest: PlanVersion;
}

/** A plan with at least one version that does not pass the check; only `astro dev` ever shows one. */
export interface BrokenPlan {
  id: string;
  collection: string;
  /** The title, when the frontmatter gives one, else the id. */
  title: string;
  /** The report of every version that has errors. */
  reports: FileReport[];
}

export interface PlanLibrary {
  entries: PlanEntry[];
  broken: BrokenPlan[];
}

const planSchema = PlanFrontmatterSchema();

/**
 * Every plan and example, built from the checker's reports: pages, `plans.json` and the evaluation
 * panels reuse the check's parse instead of repeating it. A plan with a version that has errors is
 * set apart whole, with its reports: the build never gets here with one, and `astro dev` shows it
 * as broken while every other page keeps working.
 */
export function planLibrary(reports: readonly FileReport[], contentDir = 'content', root = process.cwd(), catalog?: MetricCatalog): PlanLibrary {
  const content = resolve(root, contentDir);
  const entries = new Map<string, PlanEntry>();
  const broken = new Map<string, BrokenPlan>();
  const folders = new Map<string, FolderResults | null>();
  for (const report of reports) {
    const { plan } = report;
    if (!plan?.id || plan.version === null) continue;
    const path = resolve(root, report.path);
    const collection = relative(content, path).split(/[\\/]/)[0] ?? 'plans';
    const key = join(collection, plan.id);
    const data = readFrontmatter(report.source)?.data;
    const parsed = planSchema.safeParse(data);
    if (!parsed.success || report.diagnostics.some((item) => item.severity === 'error')) {
      const title = data && typeof data === 'object' && 'title' in data && typeof data.title === 'string' ? data.title : plan.id;
      const known = broken.get(key);
      if (known) known.reports.push(report);
      else broken.set(key, { id: plan.id, collection, title, reports: [report] });
      continue;
    }
    // The site's checks always ask for criteria; a report without them is a mistake in the caller.
    const criteria = plan.criteria;
    if (!criteria) throw new Error(`The report of ${report.path} has no criteria: check plans for the site with criteria.`);
    if (!folders.has(dirname(path))) folders.set(dirname(path), readResultsBeside(path));
    const results = resultsFor(path, folders.get(dirname(path)) ?? null);
    const version: PlanVersion = {
      id: plan.id,
      version: plan.version,
      path: relative(root, path).split('\\').join('/'),
      data: parsed.data,
      end: endDate(parsed.data.start, parsed.data.duration),
      criteria,
      sections: (plan.sections ?? []).map((span) => ({ key: span.key, title: span.title, text: report.source.slice(span.start, span.end).trim() })),
      evaluation: results ? evaluatePlan(criteria, results.observations, pilotDates(parsed.data)) : null,
      resultsUpdated: results?.updated ?? null,
      exported: versionExport({ id: plan.id, version: plan.version, title: parsed.data.title, collection, criteria }, catalog),
    };
    const entry = entries.get(key);
    if (entry) entry.versions.push(version);
    else entries.set(key, { id: plan.id, collection, versions: [version], latest: version });
  }
  return {
    entries: [...entries]
      .filter(([key]) => !broken.has(key))
      .map(([, entry]) => {
        const versions = entry.versions.sort((a, b) => a.version - b.version);
        return { ...entry, versions, latest: versions.at(-1) ?? entry.latest };
      }),
    broken: [...broken.values()],
  };
}
