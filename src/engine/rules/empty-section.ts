import { toString as nodeText } from 'mdast-util-to-string';
import { hasContent } from '../../model/section-content.ts';
import type { Rule } from '../rule.ts';

const rule: Rule = {
  id: 'empty-section',
  scope: 'body',
  check(plan, report) {
    for (const section of plan.sections) {
      if (hasContent(section.children)) continue;
      const placeholder = section.children
        .map((node) => nodeText(node).trim())
        .filter(Boolean)
        .join(' ');
      report({
        place: section.heading,
        reason: placeholder
          ? `Unexpected placeholder \`${placeholder}\` as the only content of section \`${section.title}\`, expected real content. Write the section or remove the heading.`
          : `Unexpected empty section \`${section.title}\`, expected content under the heading. Write the section or remove the heading.`,
      });
    }
  },
};

export default rule;
