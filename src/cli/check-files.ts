import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Config } from '../schemas/config-schema.ts';
import { checkPlan } from '../lib/check-plan.ts';
import { planCriteria } from '../lib/plan-criteria.ts';
import { parsePlanPath } from '../lib/plan-path.ts';
import type { FileReport } from './file-report.ts';

/** Checks every file and returns one report each; a file that cannot be read is a positioned problem, not a crash. */
export function checkFiles(paths: readonly string[], config: Config, cwd: string): FileReport[] {
  return paths.map((path) => {
    const shown = relative(cwd, path) || path;
    const source = readFileSync(path, 'utf8');
    const { file, model } = checkPlan(source, shown, config);
    const location = parsePlanPath(path);
    return {
      path: shown,
      source,
      messages: file.messages,
      plan: { id: location?.id ?? null, version: location?.version ?? null, criteria: planCriteria(model) },
    };
  });
}
