import { SITE_URL } from '../engine/site-urls.ts';
import { ExportError } from '../export/export-error.ts';
import { measureCriterion, type MeasuredCriterion } from '../export/measured-criterion.ts';
import { planExport, type PlanExport } from '../export/plan-export.ts';
import { triggerAlerts, type TriggerAlert } from '../export/to-prometheus.ts';
import type { PlanCriteria } from '../model/plan-criteria.ts';
import type { Criterion } from '../schemas/criterion-schema.ts';
import type { MetricCatalog } from '../schemas/metric-catalog-schema.ts';

/** How one criterion is measured, as `plans.json` publishes it; `problem` when it cannot be. */
export type Binding =
  | { line: number; metric: string; query: string; comparator: string; threshold: number; upper: number | null; unit: string | null; holdSeconds: number; problem: null }
  | { line: number; problem: string };

/** A version's criteria against the metric catalogue: how each is measured, and the files when all are. */
export interface VersionExport {
  bindings: { exit: Binding[]; rollback: Binding[] };
  /** Everything the export targets need; null when any criterion cannot be measured. */
  plan: PlanExport | null;
  /** The alert each rollback trigger becomes, for the page. */
  alerts: TriggerAlert[];
}

function binding(criterion: Criterion, catalog: MetricCatalog, planId: string): Binding {
  let measured: MeasuredCriterion;
  try {
    measured = measureCriterion(criterion, catalog, planId);
  } catch (error) {
    if (error instanceof ExportError) return { line: criterion.line, problem: error.detail };
    throw error;
  }
  const unit = catalog.metrics[measured.metric]?.unit ?? null;
  return { line: criterion.line, metric: measured.metric, query: measured.query, comparator: measured.comparator, threshold: measured.threshold, upper: measured.upper, unit, holdSeconds: measured.holdSeconds, problem: null };
}

/** A version read against the catalogue; null when the project has none. */
export function versionExport(plan: { id: string; version: number; title: string; collection: string; criteria: PlanCriteria }, catalog: MetricCatalog | undefined): VersionExport | null {
  if (!catalog) return null;
  const bindings = { exit: plan.criteria.exit.map((criterion) => binding(criterion, catalog, plan.id)), rollback: plan.criteria.rollback.map((criterion) => binding(criterion, catalog, plan.id)) };
  if ([...bindings.exit, ...bindings.rollback].some((each) => each.problem !== null)) return { bindings, plan: null, alerts: [] };
  const exported = planExport({ id: plan.id, version: plan.version, title: plan.title, url: `${SITE_URL}/${plan.collection}/${plan.id}/v${plan.version}/`, catalog }, plan.criteria);
  return { bindings, plan: exported, alerts: triggerAlerts(exported) };
}
