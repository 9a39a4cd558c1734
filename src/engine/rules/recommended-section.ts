import { reportMissingSections } from '../missing-sections.ts';
import type { Rule } from '../rule.ts';

const rule: Rule = {
  id: 'recommended-section',
  scope: 'body',
  check: (plan, report) => reportMissingSections(plan, 'recommended', report),
};

export default rule;
