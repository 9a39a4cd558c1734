import { SECTION_CATALOG } from '../schemas/section-catalog.ts';

// What each section is for, shown as an MDX comment under its heading in a new plan.
const GUIDANCE: Record<string, string> = {
  scope: 'The stories and features in the pilot, and what is explicitly excluded.',
  cohort: 'Who takes part: customers, regions or internal users, how many, and how they opted in.',
  environment: 'Where the pilot runs, how data is migrated or masked, privacy and compliance constraints.',
  'entry-criteria': 'What must be true before the pilot starts: Definition of Done, tests passed, people ready.',
  'exit-criteria': 'One bullet per measurable threshold, such as `- Error rate ≤ 0.5%` or `- CSAT ≥ 4.2/5`.',
  monitoring: 'Dashboards, alerts, who checks them and when.',
  rollback: 'A `### Triggers` list (`- Latency > 300 ms for 30 minutes`), then the steps as an ordered list.',
  timeline: 'Start, time box, review dates and the go/no-go meeting.',
  ownership: 'Who decides go/no-go, who facilitates, who executes a rollback.',
  'change-control': 'How findings become backlog items, and who approves changes to the plan.',
  communications: 'What the cohort and stakeholders hear, and when.',
  'support-and-training': 'Support coverage, runbooks and training for the pilot.',
  risks: 'What could mislead or hurt the pilot, and what you do about it.',
};

/**
 * Values the template writes that are valid but stand for the author's real ones; the `placeholder`
 * rule reports each that is left in a plan.
 */
export const TEMPLATE_PLACEHOLDERS = {
  summaryEnding: 'validates, in one or two sentences.',
  stories: ['US-1'],
  cohortSize: 1,
  cohortDescription: 'Who takes part.',
} as const;

/** A new plan: valid frontmatter, every catalogue section with guidance, and `TBD` where the author writes. */
export function planTemplate(input: { id: string; title: string; owner: string; start: string }): string {
  const sections = SECTION_CATALOG.map((section) => `## ${section.title}\n\n{/* ${GUIDANCE[section.id] ?? ''} */}\n\nTBD\n`);
  return `---
title: ${JSON.stringify(input.title)}
version: 1
status: draft
summary: ${JSON.stringify(`What the ${input.title} ${TEMPLATE_PLACEHOLDERS.summaryEnding}`)}
owner: ${JSON.stringify(input.owner)}
stories: [${TEMPLATE_PLACEHOLDERS.stories.join(', ')}]
cohort:
  size: ${TEMPLATE_PLACEHOLDERS.cohortSize}
  description: ${TEMPLATE_PLACEHOLDERS.cohortDescription}
start: ${input.start}
duration: 10 business days
tags: []
---

${sections.join('\n')}`;
}
