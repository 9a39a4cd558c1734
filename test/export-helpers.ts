import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPlan } from '../src/engine/check-plan.ts';
import { type PlanExport, planExportOf } from '../src/export/plan-export.ts';
import { loadConfig } from '../src/model/load-config.ts';
import type { Config } from '../src/schemas/config-schema.ts';

export const repo = fileURLToPath(new URL('..', import.meta.url));

/** The repository's config, with its metric catalogue. */
export function repoConfig(): Config & { metrics: NonNullable<Config['metrics']> } {
  const config = loadConfig(undefined, join(repo, 'content'), repo);
  if (!config.metrics) throw new Error('The repository has no content/metrics.yaml');
  return { ...config, metrics: config.metrics };
}

/** A plan file of the repository (or any source given) read for export. */
export function exportOf(path: string, config = repoConfig(), source = readFileSync(join(repo, path), 'utf8')): PlanExport {
  const { model } = checkPlan(source, path, config);
  const plan = planExportOf(model, config.metrics ?? repoConfig().metrics, 'https://pilotplan.github.io');
  if (!plan) throw new Error(`${path} is not an exportable plan version`);
  return plan;
}
