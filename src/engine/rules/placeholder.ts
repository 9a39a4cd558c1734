import { fieldName } from '../../model/describe-zod-issue.ts';
import { forEachString } from '../../model/frontmatter.ts';
import { findPlaceholder } from '../../model/placeholder-text.ts';
import { TEMPLATE_PLACEHOLDERS } from '../../model/plan-template.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'placeholder',
  scope: 'file',
  messages: {
    template: 'Unexpected `{{written}}` from the plan template, expected {{expected}}. Write the real value before the plan goes to review.',
    placeholder: 'Unexpected placeholder `{{found}}` in `{{field}}`, expected the value itself. Write the real value before the plan goes to review.',
  },
  check(plan, report) {
    const { frontmatter } = plan;
    const data = frontmatter?.data;
    if (!frontmatter || !data || typeof data !== 'object') return;
    const { summary, stories, cohort } = data as { summary?: unknown; stories?: unknown; cohort?: { size?: unknown; description?: unknown } };
    const template = (path: PropertyKey[], written: string, expected: string) => report({ place: frontmatter.locate(path), messageId: 'template', data: { written, expected }, actual: written });
    if (typeof summary === 'string' && summary.endsWith(TEMPLATE_PLACEHOLDERS.summaryEnding)) {
      template(['summary'], `summary: ${summary}`, 'one or two sentences on what this pilot validates');
    }
    if (Array.isArray(stories) && stories.join() === TEMPLATE_PLACEHOLDERS.stories.join()) {
      template(['stories'], `stories: [${stories.join(', ')}]`, 'the ids of the stories in the pilot, such as `[US-145, US-152]`');
    }
    if (cohort?.size === TEMPLATE_PLACEHOLDERS.cohortSize) template(['cohort', 'size'], `cohort.size: ${cohort.size}`, 'how many people or accounts take part');
    if (cohort?.description === TEMPLATE_PLACEHOLDERS.cohortDescription) {
      template(['cohort', 'description'], `cohort.description: ${cohort.description}`, 'who takes part and how they joined');
    }
    forEachString(data, (text, path) => {
      const found = findPlaceholder(text);
      if (found === null) return;
      report({ place: frontmatter.locate(path), messageId: 'placeholder', data: { found, field: fieldName(path) }, actual: found });
    });
  },
});
