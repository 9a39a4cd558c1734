import { SITE_URL } from '../engine/site-urls.ts';
import { ExportError } from '../export/export-error.ts';
import type { MeasuredCriterion } from '../export/measured-criterion.ts';
import { measureEach, type PlanExport, planVersionUrl, splitMeasured } from '../export/plan-export.ts';
import { type TriggerAlert, triggerAlerts } from '../export/to-prometheus.ts';
import type { PlanCriteria } from '../model/plan-criteria.ts';
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

function binding(measured: MeasuredCriterion | ExportError, catalog: MetricCatalog): Binding {
  if (measured instanceof ExportError) return { line: measured.line, problem: measured.detail };
  const unit = catalog.metrics[measured.metric]?.unit ?? null;
  return {
    line: measured.criterion.line,
    metric: measured.metric,
    query: measured.query,
    comparator: measured.comparator,
    threshold: measured.threshold,
    upper: measured.upper,
    unit,
    holdSeconds: measured.holdSeconds,
    problem: null,
  };
}

/** A version read against the catalogue, each criterion once; null when the project has none. */
export function versionExport(plan: { id: string; version: number; title: string; collection: string; criteria: PlanCriteria }, catalog: MetricCatalog | undefined): VersionExport | null {
  if (!catalog) return null;
  const exit = measureEach(plan.criteria.exit, catalog, plan.id);
  const rollback = measureEach(plan.criteria.rollback, catalog, plan.id);
  const bindings = { exit: exit.map((each) => binding(each, catalog)), rollback: rollback.map((each) => binding(each, catalog)) };
  const [exits, triggers] = [splitMeasured(exit), splitMeasured(rollback)];
  if (exits.problems.length + triggers.problems.length > 0) return { bindings, plan: null, alerts: [] };
  const exported = {
    id: plan.id,
    version: plan.version,
    title: plan.title,
    url: planVersionUrl(SITE_URL, plan.collection, plan.id, plan.version),
    catalog,
    exit: exits.measured,
    rollback: triggers.measured,
  };
  return { bindings, plan: exported, alerts: triggerAlerts(exported) };
}
