import { stringify } from 'yaml';
import { RULES, type RuleId } from '../schemas/rule-registry.ts';

/**
 * The head of a rule's reference page, from the registry: its title, its description and its default
 * severity. `npm run rules:pages` writes it into `content/authoring/rules/<id>.md`; the text below it is
 * the page's own.
 */
export function rulePageHead(id: RuleId): string {
  const rule = RULES[id];
  const frontmatter = stringify({ title: id, description: rule.description }, { lineWidth: 0 });
  const safety = rule.safety ? '. A safety rule: the config cannot lower it and ignore comments do not silence it.' : '';
  return `---\n${frontmatter}---\n\n**Default severity:** ${rule.defaultSeverity}${safety}\n`;
}

/** A page with its head replaced by the registry's: everything up to the severity line goes. */
export function withRulePageHead(id: RuleId, page: string): string {
  const body = page.replace(/^---\n[\s\S]*?\n---\n\n\*\*Default severity:\*\*[^\n]*\n/, '');
  return `${rulePageHead(id)}${body}`;
}
