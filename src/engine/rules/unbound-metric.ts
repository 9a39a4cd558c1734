import { findBinding, nearestBinding } from '../../model/metric-catalog.ts';
import { parsePlanPath } from '../../model/plan-path.ts';
import type { Rule } from '../rule.ts';

const rule: Rule = {
  id: 'unbound-metric',
  defaultSeverity: 'warning',
  summary: 'When the project has a `metrics.yaml`, every exit criterion and rollback trigger measures a metric it gives a query for.',
  scope: 'body',
  check(plan, report) {
    const catalog = plan.config.metrics;
    // Without a catalogue nothing is exported, so nothing needs a binding.
    if (!catalog) return;
    const planId = parsePlanPath(plan.path)?.id ?? null;
    for (const [kind, entries] of [['exit criterion', plan.exitCriteria], ['rollback trigger', plan.rollbackTriggers]] as const) {
      for (const { node, criteria } of entries) {
        for (const criterion of criteria) {
          if (findBinding(criterion, catalog, planId)) continue;
          const nearest = nearestBinding(criterion, catalog, planId);
          const name = criterion.percentile === null ? criterion.metric : `p${criterion.percentile} ${criterion.metric}`;
          report({
            place: node,
            reason: `Unbound metric \`${name}\` in ${kind} \`${criterion.text}\`, expected a name or synonym under \`metrics\` in metrics.yaml${planId === null ? '' : ` for plan \`${planId}\``}. Add \`${name}\` with its query${nearest === null ? '' : `, or as a synonym of \`${nearest}\` (the nearest name) if that measures the same`}, so the criterion can be exported and fetched.`,
            actual: criterion.metric,
            ...(nearest === null ? {} : { expected: [nearest] }),
          });
        }
      }
    }
  },
};

export default rule;
