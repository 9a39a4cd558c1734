import type { Heading } from 'mdast';
import type { PlanModel } from '../model/plan-model.ts';
import { suggestHeading } from '../model/section-suggestion.ts';
import type { Report } from './rule.ts';

/** The messages of `required-section` and `recommended-section`, which differ only in the level they check. */
export const MISSING_SECTION_MESSAGES = {
  missing: 'Missing {{level}} section `{{section}}`, expected a `{{heading}}` heading{{others}}. Add the section with its content.',
  nested: 'Missing {{level}} section `{{section}}`, expected a `{{heading}}` heading{{others}}. `{{written}}` is a sub-heading of another section: make it `{{heading}}`.',
  misspelt: 'Missing {{level}} section `{{section}}`, expected a `{{heading}}` heading{{others}}. Did you mean `{{written}}` to be `{{meant}}`? Correct its spelling.',
  similar:
    "Missing {{level}} section `{{section}}`, expected a `{{heading}}` heading{{others}}. Did you mean `{{written}}`? Rename it `{{heading}}`, or add `{{title}}` to the section's `synonyms` in pilotplan.config.json.",
} as const;

type MessageId = keyof typeof MISSING_SECTION_MESSAGES;

// Enough other names to recognise the idea; the rule's page lists them all.
const SHOWN_SYNONYMS = 3;

/**
 * Reports each configured section of one level that no heading of the plan stands for, at the heading
 * the author most likely meant for it when there is one, otherwise at the first heading.
 */
export function reportMissingSections(plan: PlanModel, level: 'required' | 'recommended', report: (report: Report<MessageId>) => void): void {
  const present = new Set(plan.sections.map((section) => section.config?.id));
  const first = plan.sections[0]?.heading;
  const place = first ?? plan.tree.children.find((node) => node.type !== 'yaml') ?? { line: 1, column: 1 };
  const headings = plan.tree.children.filter((node): node is Heading => node.type === 'heading');
  const depth = first?.depth ?? 2;
  const hashes = '#'.repeat(depth);
  for (const section of plan.config.sections) {
    if (section.level !== level || present.has(section.id)) continue;
    const shown = section.synonyms.slice(0, SHOWN_SYNONYMS).map((name) => `\`${name}\``);
    const others = shown.length > 0 ? ` (or ${shown.join(', ')}${section.synonyms.length > SHOWN_SYNONYMS ? ', …' : ''})` : '';
    const heading = `${hashes} ${section.title}`;
    const data = { level, section: section.title, heading, others };
    const suggestion = suggestHeading(section, plan.config.sections, headings, depth);
    if (!suggestion) {
      report({ place, messageId: 'missing', data, expected: [heading] });
      continue;
    }
    const written = `${'#'.repeat(suggestion.heading.depth)} ${suggestion.title}`;
    const more = { written, meant: `${hashes} ${suggestion.name ?? section.title}`, title: suggestion.title };
    // A misspelt or nested heading has one rename; a merely similar one may be another section, so no rename is offered for it.
    report({ place: suggestion.heading, messageId: suggestion.why, data: { ...data, ...more }, expected: [heading], ...(suggestion.why === 'similar' ? {} : { actual: written }) });
  }
}
