import type { CriterionEntry } from '../../model/plan-model.ts';
import { hasContent } from '../../model/section-content.ts';
import type { Report, Rule } from '../rule.ts';

const EXAMPLES = '`error rate ≤ 0.5%`, `P1 defects = 0`, `CSAT ≥ 4.2/5`';

function reportUnread(entries: readonly CriterionEntry[], kind: string, report: (report: Report) => void): void {
  for (const { reading, node, text } of entries) {
    if (reading.status === 'none') {
      report({
        place: node,
        reason: `Unexpected ${kind} \`${text}\` without a measurable threshold, expected a metric, a comparison and a number, such as ${EXAMPLES}. Rewrite it with a number.`,
        actual: text,
      });
    } else if (reading.status === 'unsure') {
      // There is a number: say what was found and why it was not enough, never "rewrite it with a number".
      const found =
        reading.found.length > 0
          ? ` It has ${reading.found.map((number) => `\`${number}\``).join(', ')}, but ${reading.reason}.`
          : ` ${reading.reason.charAt(0).toUpperCase()}${reading.reason.slice(1)}.`;
      const nearest = reading.nearest.length > 0 ? reading.nearest.map((form) => `\`${form}\``).join(' or ') : `\`error rate ≤ ${reading.found[0] ?? '0.5'}%\``;
      // Words the reading could not place, or no metric in them: the author can name the metric with a label and keep the sentence.
      const fix = reading.unnamed
        ? `Write it as \`<metric> <comparison> <number>\` with every word in the metric's name, or name a rate with a label before a colon, such as \`**Opt-out rate**: STOP replies stay below 2% of patients messaged\``
        : `Write it as \`<metric> <comparison> <number>\`, such as ${nearest}`;
      // A bullet Markdown took for a quote (`- >= 10 tickets`) has one rewrite, which an editor can apply.
      const rewrite = text.startsWith('>') && reading.nearest.length === 1 ? { expected: reading.nearest } : {};
      report({
        place: node,
        reason: `Unclear ${kind} \`${text}\`, expected one metric, one comparison and one threshold.${found} ${fix}.`,
        actual: text,
        ...rewrite,
      });
    }
  }
}

const rule: Rule = {
  id: 'quantitative-criterion',
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
    reportUnread(plan.exitCriteria, 'exit criterion', report);
    reportUnread(plan.rollbackTriggers, 'rollback trigger', report);
  },
};

export default rule;
