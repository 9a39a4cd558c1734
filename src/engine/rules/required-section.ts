import { reportMissingSections } from '../missing-sections.ts';
import type { Rule } from '../rule.ts';

const rule: Rule = {
  id: 'required-section',
  defaultSeverity: 'error',
  summary: 'Every required section (Scope, Cohort, Exit Criteria, Rollback, …) has a heading, under its name or a synonym.',
  scope: 'body',
  check: (plan, report) => reportMissingSections(plan, 'required', report),
};

export default rule;
