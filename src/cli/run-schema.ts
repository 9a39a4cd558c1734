import { z } from 'astro/zod';
import { ConfigSchema } from '../schemas/config-schema.ts';
import { PlanFrontmatterSchema } from '../schemas/plan-frontmatter-schema.ts';
import { UsageError, type CommandIo } from './usage-error.ts';

/** `pilotplan schema [plan|config]`: the JSON Schema an editor can use to complete and check YAML. */
export function runSchema(args: readonly string[], io: CommandIo): number {
  const which = args[0] ?? 'plan';
  if (which !== 'plan' && which !== 'config') throw new UsageError(`Unknown schema \`${which}\`, expected \`plan\` or \`config\`.`);
  const schema = which === 'plan' ? PlanFrontmatterSchema() : ConfigSchema();
  io.logMessage(JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2));
  return 0;
}
