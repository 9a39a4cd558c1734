import { ExportError } from '../../export/export-error.ts';
import { measureCriterion } from '../../export/measured-criterion.ts';
import { findBinding, nearestBinding } from '../../model/metric-catalog.ts';
import { parsePlanPath } from '../../model/plan-path.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'unbound-metric',
  scope: 'body',
  messages: {
    unbound:
      'Unbound metric `{{name}}` in {{kind}} `{{text}}`, expected a name or synonym under `metrics` in metrics.yaml{{forPlan}}. Add `{{name}}` with its query, so the criterion can be exported and fetched.',
    unboundNear:
      'Unbound metric `{{name}}` in {{kind}} `{{text}}`, expected a name or synonym under `metrics` in metrics.yaml{{forPlan}}. Add `{{name}}` with its query, or as a synonym of `{{nearest}}` (the nearest name) if that measures the same, so the criterion can be exported and fetched.',
    unmeasured: 'Unexpected {{kind}} `{{text}}` for its entry in metrics.yaml: {{reason}}',
    // The terminal report's one message for a plan's many unbound metrics, each listed after it at its line.
    groupedBelow:
      'Unbound metrics in {{count}} criteria (each below), expected a name or synonym under `metrics` in metrics.yaml for each. Add each with its query, or as a synonym of its nearest name if that measures the same, so the criteria can be exported and fetched.',
    // The JSON report's one message for a plan's many unbound metrics.
    grouped:
      'Unbound metrics in {{count}} criteria: {{names}}, expected a name or synonym under `metrics` in metrics.yaml for each. Add each with its query, or as a synonym of its nearest name if that measures the same, so the criteria can be exported and fetched.',
  },
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
              messageId: nearest === null ? 'unbound' : 'unboundNear',
              data: { name, kind, text: criterion.text, forPlan: planId === null ? '' : ` for plan \`${planId}\``, nearest: nearest ?? '' },
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
            report({ place: node, messageId: 'unmeasured', data: { kind, text: criterion.text, reason: error.reason } });
          }
        }
      }
    }
  },
});
