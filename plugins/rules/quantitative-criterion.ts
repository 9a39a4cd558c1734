import type { CriterionEntry } from '../../src/lib/plan-model.ts';
import type { Report, Rule } from '../../src/lib/rule.ts';
import { hasContent } from '../../src/lib/section-content.ts';

const EXAMPLES = '`error rate ≤ 0.5%`, `P1 defects = 0`, `CSAT ≥ 4.2/5`';

function reportVague(entries: readonly CriterionEntry[], kind: string, report: (report: Report) => void): void {
  for (const entry of entries) {
    if (entry.criterion) continue;
    report({
      place: entry.node,
      reason: `Unexpected ${kind} \`${entry.text}\` without a measurable threshold, expected a metric, a comparison and a number, such as ${EXAMPLES}. Rewrite it with a number.`,
      actual: entry.text,
    });
  }
}

const rule: Rule = {
  id: 'quantitative-criterion',
  defaultSeverity: 'error',
  summary: 'Every exit criterion and rollback trigger states a measurable threshold: a metric, a comparison and a number.',
  scope: 'body',
  check(plan, report) {
    const exit = plan.sections.find((section) => section.config?.id === 'exit-criteria');
    // An empty or placeholder-only section is `empty-section`'s to report.
    if (exit && plan.exitCriteria.length === 0 && hasContent(exit.children)) {
      report({
        place: exit.heading,
        reason: `Unexpected exit criteria without a list, expected one list item per criterion, such as ${EXAMPLES}. Write each criterion as a bullet.`,
      });
    }
    reportVague(plan.exitCriteria, 'exit criterion', report);
    reportVague(plan.rollbackTriggers, 'rollback trigger', report);
  },
};

export default rule;
