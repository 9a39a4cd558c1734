import { basename, dirname } from 'node:path';
import { type PlanCriteria, planCriteria } from '../model/plan-criteria.ts';
import type { PlanModel } from '../model/plan-model.ts';
import { parsePlanPath } from '../model/plan-path.ts';
import type { Criterion } from '../schemas/criterion-schema.ts';
import type { MetricCatalog } from '../schemas/metric-catalog-schema.ts';
import { ExportError } from './export-error.ts';
import { type MeasuredCriterion, measureCriterion } from './measured-criterion.ts';

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

/** What `measureEach` gave, parted: the criteria measured, and those that cannot be. */
export function splitMeasured(list: ReadonlyArray<MeasuredCriterion | ExportError>): { measured: MeasuredCriterion[]; problems: ExportError[] } {
  return { measured: list.filter((each): each is MeasuredCriterion => !(each instanceof ExportError)), problems: list.filter((each): each is ExportError => each instanceof ExportError) };
}

/** Reads all of a plan's criteria against the catalogue; throws `PlanExportError` listing every one that cannot be. */
export function planExport(plan: Omit<PlanExport, 'exit' | 'rollback'>, criteria: PlanCriteria): PlanExport {
  const exit = splitMeasured(measureEach(criteria.exit, plan.catalog, plan.id));
  const rollback = splitMeasured(measureEach(criteria.rollback, plan.catalog, plan.id));
  const problems = [...exit.problems, ...rollback.problems];
  if (problems.length > 0) throw new PlanExportError(problems.sort((a, b) => a.line - b.line));
  return { ...plan, exit: exit.measured, rollback: rollback.measured };
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

/**
 * Unique names per criterion, at most `max` characters: the metric's words, with the criterion's line
 * (and, for two criteria of one bullet, its place) added where two would clash, kept when cut short.
 */
export function uniqueNames(list: readonly MeasuredCriterion[], format: (parts: string[]) => string, suffix: (tag: string) => string, max = Infinity): string[] {
  const shorten = (parts: string[], end = '') => {
    const name = format(parts);
    return (name.length + end.length > max ? name.slice(0, max - end.length).replace(/[-_]+$/, '') : name) + end;
  };
  const first = list.map((measured) => shorten(nameParts(measured.metric)));
  const clash = (names: string[], index: number) => names.indexOf(names[index] ?? '') !== names.lastIndexOf(names[index] ?? '');
  const second = first.map((name, index) => (clash(first, index) ? shorten(nameParts(list[index]?.metric ?? ''), suffix(`line${list[index]?.criterion.line ?? 0}`)) : name));
  return second.map((name, index) => (clash(second, index) ? shorten(nameParts(list[index]?.metric ?? ''), suffix(`line${list[index]?.criterion.line ?? 0}n${index + 1}`)) : name));
}

/** A plan id as a Kubernetes label value: at most 63 characters, ending in a letter or digit. */
export function labelValue(text: string): string {
  return text.slice(0, 63).replace(/[^a-z0-9]+$/i, '');
}

/** A plan version's page on the site, which exports link back to. */
export function planVersionUrl(siteUrl: string, collection: string, id: string, version: number): string {
  // The folder name is the author's: encoded, it cannot end a comment or open a template in an export.
  return `${siteUrl}/${encodeURIComponent(collection)}/${id}/v${version}/`;
}

/**
 * A checked plan ready to export, with its address on the site at `siteUrl`; null when the plan file is
 * not laid out as `<collection>/<id>/v<N>.mdx` or its frontmatter is invalid.
 */
export function planExportOf(model: PlanModel, catalog: MetricCatalog, siteUrl: string): PlanExport | null {
  const location = parsePlanPath(model.path);
  if (!location || !model.validation?.success) return null;
  const collection = basename(dirname(dirname(model.path)));
  const url = planVersionUrl(siteUrl, collection, location.id, location.version);
  return planExport({ id: location.id, version: location.version, title: model.validation.data.title, url, catalog }, planCriteria(model));
}
