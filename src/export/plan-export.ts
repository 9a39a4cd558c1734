import { basename, dirname } from 'node:path';
import { planCriteria, type PlanCriteria } from '../model/plan-criteria.ts';
import type { PlanModel } from '../model/plan-model.ts';
import { parsePlanPath } from '../model/plan-path.ts';
import type { Criterion } from '../schemas/criterion-schema.ts';
import type { MetricCatalog } from '../schemas/metric-catalog-schema.ts';
import { ExportError } from './export-error.ts';
import { measureCriterion, type MeasuredCriterion } from './measured-criterion.ts';

/** What every target is built from: the plan's identity and its criteria read against the catalogue. */
export interface PlanExport {
  id: string;
  version: number;
  title: string;
  /** Absolute address of the plan's page on the published site, for links back from alerts. */
  url: string;
  catalog: MetricCatalog;
  exit: MeasuredCriterion[];
  rollback: MeasuredCriterion[];
}

/** Every criterion the plan cannot export, all at once, so an author fixes them in one pass. */
export class PlanExportError extends Error {
  override name = 'PlanExportError';
  readonly problems: ExportError[];
  constructor(problems: ExportError[]) {
    super(problems.map((problem) => problem.message).join('\n'));
    this.problems = problems;
  }
}

/** Each criterion read against the catalogue, or the reason it cannot be: nothing is left out unsaid. */
export function measureEach(criteria: readonly Criterion[], catalog: MetricCatalog, planId: string | null): Array<MeasuredCriterion | ExportError> {
  return criteria.map((criterion) => {
    try {
      return measureCriterion(criterion, catalog, planId);
    } catch (error) {
      if (!(error instanceof ExportError)) throw error;
      return error;
    }
  });
}

/** Reads all of a plan's criteria against the catalogue; throws `PlanExportError` listing every one that cannot be. */
export function planExport(plan: Omit<PlanExport, 'exit' | 'rollback'>, criteria: PlanCriteria): PlanExport {
  const exit = measureEach(criteria.exit, plan.catalog, plan.id);
  const rollback = measureEach(criteria.rollback, plan.catalog, plan.id);
  const problems = [...exit, ...rollback].filter((each): each is ExportError => each instanceof ExportError);
  if (problems.length > 0) throw new PlanExportError(problems.sort((a, b) => a.line - b.line));
  const measured = (list: Array<MeasuredCriterion | ExportError>) => list.filter((each): each is MeasuredCriterion => !(each instanceof ExportError));
  return { ...plan, exit: measured(exit), rollback: measured(rollback) };
}

/** A name fit for Prometheus alerts and Kubernetes objects, from a metric's words. */
export function nameParts(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Unique names per criterion: the metric's words, with the line added where two would clash. */
export function uniqueNames(list: readonly MeasuredCriterion[], format: (parts: string[]) => string): string[] {
  const names = list.map((measured) => format(nameParts(measured.metric)));
  return names.map((name, index) => (names.indexOf(name) !== names.lastIndexOf(name) ? format([...nameParts(list[index]?.metric ?? ''), `line${list[index]?.criterion.line ?? index}`]) : name));
}

/**
 * A checked plan ready to export, with its address on the site at `siteUrl`; null when the plan file is
 * not laid out as `<collection>/<id>/v<N>.mdx` or its frontmatter is invalid.
 */
export function planExportOf(model: PlanModel, catalog: MetricCatalog, siteUrl: string): PlanExport | null {
  const location = parsePlanPath(model.path);
  if (!location || !model.validation?.success) return null;
  const collection = basename(dirname(dirname(model.path)));
  const url = `${siteUrl}/${collection}/${location.id}/v${location.version}/`;
  return planExport({ id: location.id, version: location.version, title: model.validation.data.title, url, catalog }, planCriteria(model));
}
