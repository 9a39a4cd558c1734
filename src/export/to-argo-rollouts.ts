import type { MeasuredCriterion } from './measured-criterion.ts';
import { labelValue, type PlanExport, uniqueNames } from './plan-export.ts';
import { prometheusDuration } from './prometheus-duration.ts';
import { heldIndicator } from './promql-condition.ts';

// Argo Rollouts' own default for measurements that error in a row before the metric errors.
const DEFAULT_ERROR_LIMIT = 4;

function metric(plan: PlanExport, measured: MeasuredCriterion, name: string, kind: 'rollback' | 'exit') {
  const interval = plan.catalog.prometheus.interval.seconds;
  // Argo counts failed measurements in total, never in a row, so the hold is tested inside the query.
  const query = heldIndicator(measured, interval);
  const held = 'len(result) > 0 && result[0] == 1';
  const checks = Math.max(1, Math.round(measured.holdSeconds / interval));
  return {
    name,
    interval: prometheusDuration(interval),
    // A trigger fails the run at once: the rollout aborts. An unmet exit criterion is inconclusive: the rollout pauses for a person.
    ...(kind === 'rollback' ? { failureCondition: held, failureLimit: 0 } : { successCondition: held, failureCondition: 'false', count: 1, inconclusiveLimit: 0 }),
    // A query that keeps failing for as long as the trigger's own hold is an error, not a pass.
    consecutiveErrorLimit: measured.holdSeconds > 0 ? checks : DEFAULT_ERROR_LIMIT,
    provider: { prometheus: { address: '{{args.prometheus-address}}', query } },
  };
}

function template(plan: PlanExport, kind: 'rollback' | 'exit', list: readonly MeasuredCriterion[]) {
  const names = uniqueNames(
    list,
    (parts) => [kind, ...parts].join('-'),
    (tag) => `-${tag}`,
    63,
  );
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: {
      name: `pilotplan-${plan.id}-${kind}`.slice(0, 253),
      labels: { 'app.kubernetes.io/managed-by': 'pilotplan', 'pilotplan/plan': labelValue(plan.id), 'pilotplan/version': String(plan.version) },
    },
    spec: {
      args: [{ name: 'prometheus-address', value: plan.catalog.prometheus.address }],
      metrics: list.map((measured, index) => metric(plan, measured, names[index] ?? kind, kind)),
    },
  };
}

/**
 * Two `AnalysisTemplate`s: the rollback triggers, to run as background analysis through the pilot, and
 * the exit criteria, to run once as an analysis step when the pilot's time box ends.
 */
export function toArgoRollouts(plan: PlanExport): unknown[] {
  return [template(plan, 'rollback', plan.rollback), ...(plan.exit.length > 0 ? [template(plan, 'exit', plan.exit)] : [])];
}
