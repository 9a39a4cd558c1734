import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'rollback-trigger',
  scope: 'body',
  messages: {
    missing:
      'Missing a quantitative rollback trigger in section `{{section}}`, expected a `### Triggers` list, a list after a line such as "Roll back if any of these holds:", or a bullet starting with "Trigger if", "Roll back if" or "If", such as `Trigger if latency > 300 ms for 30 minutes`. Add one.',
  },
  check(plan, report) {
    const rollback = plan.sections.find((section) => section.config?.id === 'rollback');
    // A trigger with numbers that reads two ways or not at all is there: its own rule says what is wrong with it.
    if (!rollback || plan.rollbackTriggers.some((entry) => entry.reading.status !== 'none')) return;
    report({ place: rollback.heading, messageId: 'missing', data: { section: rollback.title } });
  },
});
