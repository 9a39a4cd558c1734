import { evaluatePlan } from '../../evaluate/evaluate-plan.ts';
import { planCriteria } from '../../model/plan-criteria.ts';
import { pilotDates } from '../../model/time-box.ts';
import { defineRule } from '../rule.ts';

const STATUS = { fired: 'Trigger fired', 'not-fired': 'Not fired', 'not-met': 'Not met', 'no-data': 'No data', met: 'Met' } as const;

export default defineRule({
  id: 'decision-mismatch',
  scope: 'body',
  messages: {
    mismatch: 'Unexpected `decision.outcome: {{outcome}}`, expected `{{decision}}` from the observed results. Correct the outcome, or explain in `decision.notes` why the team decided otherwise.',
  },
  check(plan, report) {
    const outcome = plan.validation?.success ? plan.validation.data.decision?.outcome : undefined;
    if (!outcome || !plan.results) return;
    const evaluation = evaluatePlan(planCriteria(plan), plan.results.observations, plan.validation?.success ? pilotDates(plan.validation.data) : null);
    if (evaluation.decision === outcome || evaluation.problems.some((problem) => problem.severity === 'error')) return;
    const deciding = evaluation.decision === 'rollback' ? evaluation.triggers.filter((each) => each.status === 'fired') : evaluation.criteria.filter((each) => each.status !== 'met');
    report({
      place: plan.frontmatter?.locate(['decision', 'outcome']),
      messageId: 'mismatch',
      data: { outcome, decision: evaluation.decision },
      // The criteria that decided, at their own lines.
      cause: deciding.map(({ criterion, note, status }) => ({ line: criterion.line, column: 1, message: `${STATUS[status]}: \`${criterion.text}\`: ${note}` })),
      actual: outcome,
      expected: [evaluation.decision],
    });
  },
});
