import type { CriterionEntry } from '../../model/plan-model.ts';
import { hasContent } from '../../model/section-content.ts';
import { defineRule, type Report } from '../rule.ts';

const EXAMPLES = '`error rate ≤ 0.5%`, `P1 defects = 0`, `CSAT ≥ 4.2/5`';

type MessageId = 'noThreshold' | 'unclear' | 'noList';

function reportUnread(entries: readonly CriterionEntry[], kind: string, report: (report: Report<MessageId>) => void): void {
  for (const { reading, node, text } of entries) {
    if (reading.status === 'none') {
      report({ place: node, messageId: 'noThreshold', data: { kind, text, examples: EXAMPLES }, actual: text });
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
      report({ place: node, messageId: 'unclear', data: { kind, text, found, fix }, actual: text, ...rewrite });
    }
  }
}

export default defineRule<MessageId>({
  id: 'quantitative-criterion',
  scope: 'body',
  messages: {
    noThreshold: 'Unexpected {{kind}} `{{text}}` without a measurable threshold, expected a metric, a comparison and a number, such as {{examples}}. Rewrite it with a number.',
    unclear: 'Unclear {{kind}} `{{text}}`, expected one metric, one comparison and one threshold.{{found}} {{fix}}.',
    noList: 'Unexpected exit criteria without a list, expected one list item per criterion, such as {{examples}}. Write each criterion as a bullet.',
  },
  check(plan, report) {
    const exit = plan.sections.find((section) => section.config?.id === 'exit-criteria');
    // An empty or placeholder-only section is `empty-section`'s to report.
    if (exit && plan.exitCriteria.length === 0 && hasContent(exit.children)) {
      report({ place: exit.heading, messageId: 'noList', data: { examples: EXAMPLES } });
    }
    reportUnread(plan.exitCriteria, 'exit criterion', report);
    reportUnread(plan.rollbackTriggers, 'rollback trigger', report);
  },
});
