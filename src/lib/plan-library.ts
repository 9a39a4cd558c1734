import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { PlanFrontmatter } from '../schemas/plan-frontmatter-schema.ts';
import { checkPlan } from './check-plan.ts';
import { evaluatePlan, type Evaluation } from './evaluate-plan.ts';
import { loadConfig } from './load-config.ts';
import { planCriteria, type PlanCriteria } from './plan-criteria.ts';
import { collectPlanFiles } from './plan-files.ts';
import { parsePlanPath } from './plan-path.ts';
import { readResultsBeside, resultsVersion } from './plan-results.ts';
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

function sectionTexts(source: string, model: ReturnType<typeof checkPlan>['model']): SectionText[] {
  return model.sections.map((section, index) => {
    const start = section.heading.position?.end.offset ?? 0;
    const end = model.sections[index + 1]?.heading.position?.start.offset ?? source.length;
    return { key: section.config?.id ?? section.title.toLowerCase(), title: section.title, text: source.slice(start, end).trim() };
  });
}

/**
 * Every plan and example in the content folder, read once with the checker: the site's pages,
 * `plans.json` and the evaluation panels all come from here. The build's pre-check has already
 * refused broken plans, so a plan that still fails schema validation here is an internal error.
 */
export function loadPlanLibrary(contentDir = 'content', root = process.cwd()): PlanEntry[] {
  const content = resolve(root, contentDir);
  const config = loadConfig(undefined, content, root);
  const entries = new Map<string, PlanEntry>();
  for (const path of collectPlanFiles([content], content, config)) {
    const location = parsePlanPath(path);
    if (!location) continue;
    const collection = relative(content, path).split(/[\\/]/)[0] ?? 'plans';
    const results = readResultsBeside(path)?.file.results ?? null;
    const applies = results !== null && resultsVersion(results, dirname(path)) === location.version;
    const source = readFileSync(path, 'utf8');
    const { model } = checkPlan(source, path, config, applies ? results : null);
    if (!model.validation?.success) throw new Error(`${relative(root, path)} has invalid frontmatter; run \`npx pilotplan check\`.`);
    const data = model.validation.data;
    const criteria = planCriteria(model);
    const version: PlanVersion = {
      id: location.id,
      version: location.version,
      path: relative(root, path).split('\\').join('/'),
      data,
      end: endDate(data.start, data.duration),
      criteria,
      sections: sectionTexts(source, model),
      evaluation: applies && results ? evaluatePlan(criteria, results.observations) : null,
      resultsUpdated: applies && results ? (results.updated ?? null) : null,
    };
    const key = join(collection, location.id);
    const entry = entries.get(key);
    if (entry) entry.versions.push(version);
    else entries.set(key, { id: location.id, collection, versions: [version], latest: version });
  }
  return [...entries.values()].map((entry) => {
    const versions = entry.versions.sort((a, b) => a.version - b.version);
    return { ...entry, versions, latest: versions.at(-1) ?? entry.latest };
  });
}
