import { z } from 'astro/zod';
import { ConfigSchema } from '../schemas/config-schema.ts';
import { CriterionSchema } from '../schemas/criterion-schema.ts';
import { EvaluationReportSchema } from '../schemas/evaluation-report-schema.ts';
import { MetricCatalogSchema } from '../schemas/metric-catalog-schema.ts';
import { PlanFrontmatterSchema } from '../schemas/plan-frontmatter-schema.ts';
import { type CommandIo, UsageError } from './usage-error.ts';

const SCHEMAS = {
  plan: () => z.toJSONSchema(PlanFrontmatterSchema(), { io: 'input', unrepresentable: 'any' }),
  config: () => z.toJSONSchema(ConfigSchema(), { io: 'input', unrepresentable: 'any' }),
  metrics: () => z.toJSONSchema(MetricCatalogSchema(), { io: 'input', unrepresentable: 'any' }),
  // Criteria are output (`check --format json`, plans.json), so the schema describes what is written.
  criteria: () => ({
    title: 'Pilotplan criterion',
    description: 'One exit criterion or rollback trigger as read by `pilotplan check`; each field is described in the README under "Criteria as data".',
    ...z.toJSONSchema(CriterionSchema(), { io: 'output' }),
  }),
  evaluation: () => ({
    title: 'Pilotplan evaluation',
    description: 'What `pilotplan evaluate --format json` prints: the decision, its reasons, and each criterion and trigger as read, with its threshold and outcome.',
    ...z.toJSONSchema(EvaluationReportSchema(), { io: 'output' }),
  }),
} as const;

/**
 * `pilotplan schema [plan|config|metrics|criteria|evaluation]`: the JSON Schema an editor can use to complete and check
 * YAML, or that a consumer of the JSON output can validate against. `--criteria` is `criteria`.
 */
export function runSchema(args: readonly string[], io: CommandIo): number {
  const which = args[0] === '--criteria' ? 'criteria' : (args[0] ?? 'plan');
  if (args.length > 1 || !Object.hasOwn(SCHEMAS, which)) throw new UsageError(`Unknown schema \`${args.join(' ')}\`, expected \`plan\`, \`config\`, \`metrics\`, \`criteria\` or \`evaluation\`.`);
  io.logMessage(JSON.stringify(SCHEMAS[which as keyof typeof SCHEMAS](), null, 2));
  return 0;
}
