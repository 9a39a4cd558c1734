import { type FileReport, summarize } from '../file-report.ts';

/** Exactly one JSON object: every file with its problems and parsed criteria (and, to explain, every bullet's reading), then the totals. */
export function formatJson(reports: readonly FileReport[], options: { explain: boolean } = { explain: false }): string {
  return JSON.stringify({
    files: reports.map((report) => ({
      path: report.path,
      plan: report.plan?.id ?? null,
      version: report.plan?.version ?? null,
      diagnostics: report.diagnostics.map(({ ruleId, severity, message, line, column, url }) => ({ ruleId, severity, message, line, column, url: url ?? null })),
      criteria: report.plan?.criteria ?? { exit: [], rollback: [] },
      ...(options.explain ? { explained: report.plan?.explained ?? [] } : {}),
    })),
    summary: summarize(reports),
  });
}
