import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'rollback-steps',
  scope: 'body',
  messages: {
    missing: 'Missing rollback steps in section `{{section}}`, expected an ordered list (`1. Disable the feature flag`, `2. …`). Write the steps in the order they are carried out.',
  },
  check(plan, report) {
    const rollback = plan.sections.find((section) => section.config?.id === 'rollback');
    if (!rollback || plan.rollbackSteps.some((list) => list.children.length > 0)) return;
    report({ place: rollback.heading, messageId: 'missing', data: { section: rollback.title } });
  },
});
