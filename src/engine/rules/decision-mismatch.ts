import { evaluatePlan } from '../../evaluate/evaluate-plan.ts';
import { planCriteria } from '../../model/plan-criteria.ts';
import { pilotDates } from '../../model/time-box.ts';
import type { Rule } from '../rule.ts';

const rule: Rule = {
  id: 'decision-mismatch',
  scope: 'body',
  check(plan, report) {
    const outcome = plan.validation?.success ? plan.validation.data.decision?.outcome : undefined;
    if (!outcome || !plan.results) return;
    const evaluation = evaluatePlan(planCriteria(plan), plan.results.observations, plan.validation?.success ? pilotDates(plan.validation.data) : null);
    if (evaluation.decision === outcome || evaluation.problems.some((problem) => problem.severity === 'error')) return;
    report({
      place: plan.frontmatter?.locate(['decision', 'outcome']),
      reason: `Unexpected \`decision.outcome: ${outcome}\`, expected \`${evaluation.decision}\` from the observed results (${evaluation.reasons[0] ?? 'see the evaluation'}). Correct the outcome, or explain in \`decision.notes\` why the team decided otherwise.`,
      actual: outcome,
      expected: [evaluation.decision],
    });
  },
};

export default rule;
