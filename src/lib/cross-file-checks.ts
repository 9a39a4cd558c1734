import type { Diagnostic, FileReport } from '../cli/file-report.ts';
import { ruleDocsUrl } from './site.ts';

/** An error found by comparing files, which no single file's rules can see. */
export function diagnostic(ruleId: string, message: string, line = 1): Diagnostic {
  return { ruleId, severity: 'error', message, line, column: 1, url: ruleDocsUrl(ruleId) };
}

/** The report with one more diagnostic, kept in line order. */
export function append(report: FileReport, item: Diagnostic): FileReport {
  return { ...report, diagnostics: [...report.diagnostics, item].sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** Two files claiming one plan id and version: the later path is reported, naming the earlier. */
export function findDuplicatePlans(reports: FileReport[]): FileReport[] {
  const first = new Map<string, string>();
  return reports.map((report) => {
    const { plan } = report;
    if (!plan?.id || plan.version === null) return report;
    const key = `${plan.id}/v${plan.version}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, report.path);
      return report;
    }
    return append(report, diagnostic('duplicate-plan', `Unexpected second file for plan \`${plan.id}\` version ${plan.version}, expected one per id and version; \`${earlier}\` claims it too. Rename this plan's folder to a new id.`));
  });
}
