import type { Rule } from '../rule.ts';

const rule: Rule = {
  id: 'rollback-steps',
  scope: 'body',
  check(plan, report) {
    const rollback = plan.sections.find((section) => section.config?.id === 'rollback');
    if (!rollback || plan.rollbackSteps.some((list) => list.children.length > 0)) return;
    report({
      place: rollback.heading,
      reason: `Missing rollback steps in section \`${rollback.title}\`, expected an ordered list (\`1. Disable the feature flag\`, \`2. …\`). Write the steps in the order they are carried out.`,
    });
  },
};

export default rule;
