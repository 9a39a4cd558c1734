import { stringify } from 'yaml';
import { projectRules, rules } from '../engine/rules/index.ts';
import { RULES, type RuleId } from '../schemas/rule-registry.ts';

const METAS = new Map([...rules.map((rule) => rule.meta), ...projectRules].map((meta) => [meta.id, meta]));

/**
 * The head of a rule's reference page, from the registry and the rule's meta: its title, its description,
 * its default severity and its messages by id. `npm run rules:pages` writes it into
 * `content/authoring/rules/<id>.md`; the text below it is the page's own.
 */
export function rulePageHead(id: RuleId): string {
  const rule = RULES[id];
  const frontmatter = stringify({ title: id, description: rule.description }, { lineWidth: 0 });
  const safety = rule.safety ? '. A safety rule: the config cannot lower it and ignore comments do not silence it.' : '';
  const messages = Object.entries(METAS.get(id)?.messages ?? {}).map(([messageId, template]) => `- \`${messageId}\`: ${template}\n`);
  return `---\n${frontmatter}---\n\n**Default severity:** ${rule.defaultSeverity}${safety}\n\n**Messages** (by \`messageId\`, with \`{{…}}\` for what each quotes):\n\n${messages.join('')}`;
}

/** A page with its head replaced by the one generated: the frontmatter, the severity line and the messages go. */
export function withRulePageHead(id: RuleId, page: string): string {
  const body = page.replace(/^---\n[\s\S]*?\n---\n\n\*\*Default severity:\*\*[^\n]*\n(?:\n\*\*Messages\*\*[^\n]*\n\n(?:- [^\n]*\n)+)?/, '');
  return `${rulePageHead(id)}${body}`;
}
