import { fieldName } from '../../model/describe-zod-issue.ts';
import { forEachString } from '../../model/frontmatter.ts';
import { findPlaceholder } from '../../model/placeholder-text.ts';
import { TEMPLATE_PLACEHOLDERS } from '../../model/plan-template.ts';
import type { Rule } from '../rule.ts';

const FIX = 'Write the real value before the plan goes to review.';

const rule: Rule = {
  id: 'placeholder',
  scope: 'file',
  check(plan, report) {
    const { frontmatter } = plan;
    const data = frontmatter?.data;
    if (!frontmatter || !data || typeof data !== 'object') return;
    const { summary, stories, cohort } = data as { summary?: unknown; stories?: unknown; cohort?: { size?: unknown; description?: unknown } };
    const template = (path: PropertyKey[], written: string, expected: string) =>
      report({ place: frontmatter.locate(path), reason: `Unexpected \`${written}\` from the plan template, expected ${expected}. ${FIX}`, actual: written });
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
      report({ place: frontmatter.locate(path), reason: `Unexpected placeholder \`${found}\` in \`${fieldName(path)}\`, expected the value itself. ${FIX}`, actual: found });
    });
  },
};

export default rule;
