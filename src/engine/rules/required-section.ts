import { reportMissingSections } from '../missing-sections.ts';
import type { Rule } from '../rule.ts';

const rule: Rule = {
  id: 'required-section',
  scope: 'body',
  check: (plan, report) => reportMissingSections(plan, 'required', report),
};

export default rule;
