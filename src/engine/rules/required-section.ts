import { MISSING_SECTION_MESSAGES, reportMissingSections } from '../missing-sections.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'required-section',
  scope: 'body',
  messages: MISSING_SECTION_MESSAGES,
  check: (plan, report) => reportMissingSections(plan, 'required', report),
});
