import type { Config, Severity } from '../schemas/config-schema.ts';
import { RULES, type RuleId } from '../schemas/rule-registry.ts';

/** A rule's severity in this project, decided here only: always `error` for a safety rule, else the config's, else the registry's default. */
export function ruleSeverity(ruleId: RuleId, config: Config): Severity {
  return RULES[ruleId].safety ? 'error' : (config.rules[ruleId] ?? RULES[ruleId].defaultSeverity);
}
