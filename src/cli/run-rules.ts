import { ruleDocsUrl } from '../engine/site-urls.ts';
import { RULE_IDS, RULES } from '../schemas/rule-registry.ts';
import { type CommandIo, UsageError } from './usage-error.ts';

/** `pilotplan rules`: every rule from the registry, its default severity, whether it is a safety rule, and its page. */
export function runRules(args: readonly string[], io: CommandIo): number {
  if (args.length > 0) throw new UsageError(`\`rules\` takes no arguments, got \`${args.join(' ')}\`.`);
  const width = Math.max(...RULE_IDS.map((id) => id.length));
  for (const id of RULE_IDS) {
    const rule = RULES[id];
    io.logMessage(`${id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}${rule.safety ? '  safety' : ''}\n  ${rule.description}\n  ${ruleDocsUrl(id)}`);
  }
  return 0;
}
