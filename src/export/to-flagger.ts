import type { MeasuredCriterion } from './measured-criterion.ts';
import { labelValue, type PlanExport, uniqueNames } from './plan-export.ts';
import { prometheusDuration } from './prometheus-duration.ts';
import { heldIndicator } from './promql-condition.ts';

// Flagger's intervals accept minutes and seconds only.
const flaggerDuration = (seconds: number) => prometheusDuration(seconds, ['m', 's']);

/**
 * Flagger fails a check when the value is above `max` or below `min`. A plain `>` or `<` trigger maps
 * to that directly, with the window left to Flagger's `{{ interval }}`; anything else (a bound that
 * counts as a breach, a range, a hold) is tested in the query, which then gives 1 for a breach.
 */
function check(measured: MeasuredCriterion, intervalSeconds: number): { query: string; thresholdRange: { min?: number; max?: number }; interval?: string } {
  const direct = measured.holdSeconds === 0 && (measured.comparator === '>' || measured.comparator === '<');
  if (direct && measured.template !== null) {
    return {
      query: measured.template.replaceAll('{{window}}', '{{ interval }}'),
      thresholdRange: measured.comparator === '>' ? { max: measured.threshold } : { min: measured.threshold },
      interval: flaggerDuration(measured.rangeSeconds),
    };
  }
  if (direct) return { query: measured.query, thresholdRange: measured.comparator === '>' ? { max: measured.threshold } : { min: measured.threshold } };
  return { query: heldIndicator(measured, intervalSeconds), thresholdRange: { max: 0 } };
}

/**
 * A `MetricTemplate` per rollback trigger, and the Canary's `analysis` to merge into the team's own
 * Canary (`kubectl patch canary <name> --type merge`). Exit criteria are not Flagger checks: a failed
 * check counts towards rolling back, and an unmet exit criterion means iterate.
 */
export function toFlagger(plan: PlanExport): unknown[] {
  const interval = plan.catalog.prometheus.interval.seconds;
  const names = uniqueNames(
    plan.rollback,
    (parts) => ['pilotplan', plan.id, ...parts].join('-'),
    (tag) => `-${tag}`,
    63,
  );
  const checks = plan.rollback.map((measured) => check(measured, interval));
  const templates = plan.rollback.map((_, index) => ({
    apiVersion: 'flagger.app/v1beta1',
    kind: 'MetricTemplate',
    metadata: { name: names[index] ?? plan.id, labels: { 'app.kubernetes.io/managed-by': 'pilotplan', 'pilotplan/plan': labelValue(plan.id), 'pilotplan/version': String(plan.version) } },
    spec: { provider: { type: 'prometheus', address: plan.catalog.prometheus.address }, query: checks[index]?.query ?? '' },
  }));
  const analysis = {
    spec: {
      analysis: {
        interval: flaggerDuration(interval),
        // Flagger counts failed checks in total, never in a row, so each hold is tested inside its query.
        threshold: 1,
        metrics: plan.rollback.map((_, index) => {
          const { thresholdRange, interval: window } = checks[index] ?? { thresholdRange: {} };
          return { name: names[index] ?? plan.id, templateRef: { name: names[index] ?? plan.id }, thresholdRange, ...(window ? { interval: window } : {}) };
        }),
      },
    },
  };
  return [...templates, analysis];
}
