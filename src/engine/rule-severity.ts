import type { Config, Severity } from '../schemas/config-schema.ts';
import { type RuleId, SAFETY_RULE_IDS } from '../schemas/rule-ids.ts';

/** A rule's severity in this project: always `error` for a safety rule, else the config's, else its default. */
export function ruleSeverity(ruleId: RuleId, config: Config, fallback: 'error' | 'warning'): Severity {
  return SAFETY_RULE_IDS.has(ruleId) ? 'error' : (config.rules[ruleId] ?? fallback);
}
