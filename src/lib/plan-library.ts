import { dirname, join, relative, resolve } from 'node:path';
import type { FileReport } from '../cli/file-report.ts';
import { PlanFrontmatterSchema, type PlanFrontmatter } from '../schemas/plan-frontmatter-schema.ts';
import { evaluatePlan, type Evaluation } from './evaluate-plan.ts';
import { readFrontmatter } from './frontmatter.ts';
import type { PlanCriteria } from './plan-criteria.ts';
import { readResultsBeside, resultsFor, type FolderResults } from './plan-results.ts';
import { endDate } from './time-box.ts';

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
}

export interface PlanEntry {
  id: string;
  /** `plans` or `examples`: which folder of `content/` the plan lives in. */
  collection: string;
  /** Oldest first. */
  versions: PlanVersion[];
  latest: PlanVersion;
}

const planSchema = PlanFrontmatterSchema();

/**
 * Every plan and example, built from the checker's reports: pages, `plans.json` and the evaluation
 * panels reuse the check's parse instead of repeating it. The check has already refused broken plans.
 */
export function planLibrary(reports: readonly FileReport[], contentDir = 'content', root = process.cwd()): PlanEntry[] {
  const content = resolve(root, contentDir);
  const entries = new Map<string, PlanEntry>();
  const folders = new Map<string, FolderResults | null>();
  for (const report of reports) {
    const { plan } = report;
    if (!plan?.id || plan.version === null) continue;
    const path = resolve(root, report.path);
    const collection = relative(content, path).split(/[\\/]/)[0] ?? 'plans';
    const parsed = planSchema.safeParse(readFrontmatter(report.source)?.data);
    if (!parsed.success) throw new Error(`${report.path} has invalid frontmatter; run \`npx pilotplan check\`.`);
    if (!folders.has(dirname(path))) folders.set(dirname(path), readResultsBeside(path));
    const results = resultsFor(path, folders.get(dirname(path)) ?? null);
    const version: PlanVersion = {
      id: plan.id,
      version: plan.version,
      path: relative(root, path).split('\\').join('/'),
      data: parsed.data,
      end: endDate(parsed.data.start, parsed.data.duration),
      criteria: plan.criteria,
      sections: (plan.sections ?? []).map((span) => ({ key: span.key, title: span.title, text: report.source.slice(span.start, span.end).trim() })),
      evaluation: results ? evaluatePlan(plan.criteria, results.observations) : null,
      resultsUpdated: results?.updated ?? null,
    };
    const key = join(collection, plan.id);
    const entry = entries.get(key);
    if (entry) entry.versions.push(version);
    else entries.set(key, { id: plan.id, collection, versions: [version], latest: version });
  }
  return [...entries.values()].map((entry) => {
    const versions = entry.versions.sort((a, b) => a.version - b.version);
    return { ...entry, versions, latest: versions.at(-1) ?? entry.latest };
  });
}
