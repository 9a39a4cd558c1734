import { ExportError } from '../../export/export-error.ts';
import { measureCriterion } from '../../export/measured-criterion.ts';
import { findBinding, nearestBinding } from '../../model/metric-catalog.ts';
import { parsePlanPath } from '../../model/plan-path.ts';
import type { Rule } from '../rule.ts';

const rule: Rule = {
  id: 'unbound-metric',
  scope: 'body',
  check(plan, report) {
    const catalog = plan.config.metrics;
    // Without a catalogue nothing is exported, so nothing needs a binding.
    if (!catalog) return;
    const planId = parsePlanPath(plan.path)?.id ?? null;
    for (const [kind, entries] of [
      ['exit criterion', plan.exitCriteria],
      ['rollback trigger', plan.rollbackTriggers],
    ] as const) {
      for (const { node, criteria } of entries) {
        for (const criterion of criteria) {
          const name = criterion.percentile === null ? criterion.metric : `p${criterion.percentile} ${criterion.metric}`;
          if (!findBinding(criterion, catalog, planId)) {
            const nearest = nearestBinding(criterion, catalog, planId);
            report({
              place: node,
              reason: `Unbound metric \`${name}\` in ${kind} \`${criterion.text}\`, expected a name or synonym under \`metrics\` in metrics.yaml${planId === null ? '' : ` for plan \`${planId}\``}. Add \`${name}\` with its query${nearest === null ? '' : `, or as a synonym of \`${nearest}\` (the nearest name) if that measures the same`}, so the criterion can be exported and fetched.`,
              actual: criterion.metric,
              ...(nearest === null ? {} : { expected: [nearest] }),
            });
            continue;
          }
          // Found, but the entry may still not measure it as written: units, windows, rates, baselines.
          try {
            measureCriterion(criterion, catalog, planId);
          } catch (error) {
            if (!(error instanceof ExportError)) throw error;
            report({ place: node, reason: `Unexpected ${kind} \`${criterion.text}\` for its entry in metrics.yaml: ${error.reason}` });
          }
        }
      }
    }
  },
};

export default rule;
