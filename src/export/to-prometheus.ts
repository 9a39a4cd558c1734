import { describeReading } from '../criteria/describe-reading.ts';
import { formatDuration } from '../criteria/units.ts';
import type { MeasuredCriterion } from './measured-criterion.ts';
import { labelValue, nameParts, type PlanExport, uniqueNames } from './plan-export.ts';
import { prometheusDuration } from './prometheus-duration.ts';
import { filterWhere } from './promql-condition.ts';

export interface PrometheusRule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  interval: string;
  rules: PrometheusRule[];
}

// Annotations are Go templates: plan text must not start an action. `{{` becomes a template printing it.
export function templateLiteral(text: string): string {
  return text.replaceAll('{{', '{{ "{{" }}');
}

const pascal = (parts: string[]) => parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');

/** The alert a rollback trigger becomes, for the site to show beside the trigger. */
export interface TriggerAlert {
  line: number;
  alert: string;
  expr: string;
  for: string | null;
}

function holdFor(measured: MeasuredCriterion): string | undefined {
  return measured.holdSeconds > 0 ? prometheusDuration(measured.holdSeconds) : undefined;
}

/**
 * The plan as one Prometheus rule group: each rollback trigger an alert that fires when the trigger
 * holds (for its window, or its checks in a row), each exit criterion a recording rule of the measured
 * value and an alert while the criterion is not met.
 */
export function prometheusGroup(plan: PlanExport): RuleGroup {
  const labels = { plan: plan.id, version: String(plan.version) };
  const link = (section: string) => `${plan.url}#${section}`;
  const triggerNames = uniqueNames(
    plan.rollback,
    (parts) => `PilotplanRollback${pascal(parts)}`,
    (tag) => pascal([tag]),
  );
  const exitNames = uniqueNames(
    plan.exit,
    (parts) => parts.join('_'),
    (tag) => `_${tag}`,
  );
  const triggers = plan.rollback.map((measured, index): PrometheusRule => {
    const hold = holdFor(measured);
    return {
      alert: triggerNames[index] ?? 'PilotplanRollback',
      expr: filterWhere(measured.query, measured),
      ...(hold ? { for: hold } : {}),
      labels: { ...labels, severity: 'critical', pilotplan_kind: 'rollback-trigger' },
      annotations: {
        summary: templateLiteral(`Roll back ${plan.title}: ${measured.criterion.text}`),
        description: `${templateLiteral(`Rollback trigger on line ${measured.criterion.line} of ${plan.id} v${plan.version} holds: ${describeReading(measured.criterion)}.`)} Observed {{ $value }} ${templateLiteral(`(in the unit of the \`${measured.metric}\` query)`)}. Follow the plan's rollback steps.`,
        runbook_url: link('rollback'),
      },
    };
  });
  const exits = plan.exit.flatMap((measured, index): PrometheusRule[] => {
    const record = `pilotplan:${exitNames[index] ?? 'criterion'}:${prometheusDuration(measured.rangeSeconds)}`;
    const hold = measured.holdSeconds > 0 ? ` It asks for this to hold ${formatDuration(measured.holdSeconds)}; the alert fires on every check that misses.` : '';
    return [
      { record, expr: measured.query, labels },
      {
        alert: `PilotplanExitNotMet${pascal(nameParts(exitNames[index] ?? ''))}`,
        expr: filterWhere(`${record}{plan="${plan.id}",version="${plan.version}"}`, measured, true),
        labels: { ...labels, severity: 'info', pilotplan_kind: 'exit-criterion' },
        annotations: {
          summary: templateLiteral(`Exit criterion not met for ${plan.title}: ${measured.criterion.text}`),
          description: `${templateLiteral(`Exit criterion on line ${measured.criterion.line} of ${plan.id} v${plan.version}: ${describeReading(measured.criterion)}.`)} Observed {{ $value }}.${hold}`,
          runbook_url: link('exit-criteria'),
        },
      },
    ];
  });
  return { name: `pilotplan-${plan.id}-v${plan.version}`, interval: prometheusDuration(plan.catalog.prometheus.interval.seconds), rules: [...triggers, ...exits] };
}

/** Each trigger's alert, for the plan page. */
export function triggerAlerts(plan: PlanExport): TriggerAlert[] {
  return prometheusGroup(plan)
    .rules.filter((rule) => rule.labels.pilotplan_kind === 'rollback-trigger')
    .map((rule, index) => ({ line: plan.rollback[index]?.criterion.line ?? 0, alert: rule.alert ?? '', expr: rule.expr, for: rule.for ?? null }));
}

/** A Prometheus rules file. */
export function toPrometheus(plan: PlanExport): unknown {
  return { groups: [prometheusGroup(plan)] };
}

/** The same rules as a prometheus-operator `PrometheusRule` resource. */
export function toPrometheusOperator(plan: PlanExport): unknown {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: `pilotplan-${plan.id}`, labels: { 'app.kubernetes.io/managed-by': 'pilotplan', 'pilotplan/plan': labelValue(plan.id), 'pilotplan/version': String(plan.version) } },
    spec: { groups: [prometheusGroup(plan)] },
  };
}
