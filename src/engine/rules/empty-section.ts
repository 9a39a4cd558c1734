import { toString as nodeText } from 'mdast-util-to-string';
import { hasContent } from '../../model/section-content.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'empty-section',
  scope: 'body',
  messages: {
    placeholder: 'Unexpected placeholder `{{placeholder}}` as the only content of section `{{section}}`, expected real content. Write the section or remove the heading.',
    empty: 'Unexpected empty section `{{section}}`, expected content under the heading. Write the section or remove the heading.',
  },
  check(plan, report) {
    for (const section of plan.sections) {
      if (hasContent(section.children)) continue;
      const placeholder = section.children
        .map((node) => nodeText(node).trim())
        .filter(Boolean)
        .join(' ');
      report({ place: section.heading, messageId: placeholder ? 'placeholder' : 'empty', data: { placeholder, section: section.title } });
    }
  },
});
