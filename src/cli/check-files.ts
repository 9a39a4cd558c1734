import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Config } from '../schemas/config-schema.ts';
import { checkPlan } from '../lib/check-plan.ts';
import { checkResults } from '../lib/check-results.ts';
import { planCriteria } from '../lib/plan-criteria.ts';
import type { PlanModel } from '../lib/plan-model.ts';
import { parsePlanPath } from '../lib/plan-path.ts';
import { readResultsBeside, resultsVersion } from '../lib/plan-results.ts';
import type { FileReport } from './file-report.ts';

/**
 * Checks every plan file, then the `results.yaml` beside them, and returns one report per file.
 */
export function checkFiles(paths: readonly string[], config: Config, cwd: string): FileReport[] {
  const show = (path: string) => relative(cwd, path) || path;
  const models = new Map<string, PlanModel>();
  const results = new Map<string, ReturnType<typeof readResultsBeside>>();
  const reports: FileReport[] = paths.map((path) => {
    const folder = dirname(path);
    if (!results.has(folder)) results.set(folder, readResultsBeside(path));
    const found = results.get(folder)?.file.results ?? null;
    const location = parsePlanPath(path);
    const applies = found !== null && location !== null && resultsVersion(found, folder) === location.version;
    const source = readFileSync(path, 'utf8');
    const { file, model } = checkPlan(source, show(path), config, applies ? found : null);
    if (location) models.set(`${folder}/v${location.version}`, model);
    return {
      path: show(path),
      source,
      messages: file.messages,
      plan: { id: location?.id ?? null, version: location?.version ?? null, criteria: planCriteria(model) },
    };
  });
  for (const [folder, found] of results) {
    if (!found) continue;
    const version = found.file.results ? resultsVersion(found.file.results, folder) : null;
    const source = readFileSync(found.path, 'utf8');
    // The version the results are for may not be among the files named on the command line.
    const versionPath = `${folder}/v${version}.mdx`;
    const plan = models.get(`${folder}/v${version}`) ?? (found.file.results && existsSync(versionPath) ? checkPlan(readFileSync(versionPath, 'utf8'), versionPath, config).model : null);
    const file = checkResults(source, show(found.path), found.file, plan, config);
    reports.push({ path: show(found.path), source, messages: file.messages });
  }
  return reports;
}
