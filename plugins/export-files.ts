import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { FileReport } from '../src/engine/file-report.ts';
import { SITE_URL } from '../src/engine/site-urls.ts';
import { EXPORT_FILE_NAMES, EXPORT_TARGETS, exportFile } from '../src/export/export-targets.ts';
import { PlanExportError, planExport, planVersionUrl } from '../src/export/plan-export.ts';
import { readFrontmatter } from '../src/model/frontmatter.ts';
import type { MetricCatalog } from '../src/schemas/metric-catalog-schema.ts';

/**
 * Writes each plan version's four export files into the built site, at `/<collection>/<id>/v<N>/`, from
 * the pre-check's reports: the files plan pages link to. Written here rather than as Astro routes, which
 * cost 4 s and 270 MB more for the 4,800 files of a 1,000-plan site. Returns how many were written.
 */
export function writeExportFiles(outDir: string, root: string, contentDir: string, reports: readonly FileReport[], catalog: MetricCatalog): number {
  let written = 0;
  for (const report of reports) {
    const { plan: located } = report;
    if (!located?.id || located.version === null || !located.criteria) continue;
    const title = (readFrontmatter(report.source)?.data as { title?: unknown } | undefined)?.title;
    if (typeof title !== 'string') continue;
    const collection = relative(contentDir, resolve(root, report.path)).split(sep)[0] ?? 'plans';
    let plan: ReturnType<typeof planExport>;
    try {
      plan = planExport({ id: located.id, version: located.version, title, url: planVersionUrl(SITE_URL, collection, located.id, located.version), catalog }, located.criteria);
    } catch (error) {
      // The page says what keeps this version from exporting; it offers no files.
      if (error instanceof PlanExportError) continue;
      throw error;
    }
    const folder = join(outDir, collection, located.id, `v${located.version}`);
    mkdirSync(folder, { recursive: true });
    for (const target of EXPORT_TARGETS) {
      writeFileSync(join(folder, EXPORT_FILE_NAMES[target]), exportFile(plan, target));
      written++;
    }
  }
  return written;
}
