import type { Config } from '../schemas/config-schema.ts';
import type { Diagnostic, FileReport } from './file-report.ts';
import { type Related, type Said, said } from './rule.ts';
import { ruleSeverity } from './rule-severity.ts';
import duplicatePlan from './rules/duplicate-plan.ts';
import { ruleDocsUrl } from './site-urls.ts';

/**
 * A problem found outside one file's rules (by comparing files, or by the limits a file broke), at
 * the severity the project set for its rule (all default to errors, and safety rules stay errors); null when the rule is off.
 */
export function diagnostic({ ruleId, messageId, message }: Said, config: Config, line = 1, cause: Related[] = []): Diagnostic | null {
  const severity = ruleSeverity(ruleId, config);
  if (severity === 'off') return null;
  return { ruleId, severity, message, line, column: 1, url: ruleDocsUrl(ruleId), messageId, ...(cause.length > 0 ? { cause } : {}) };
}

/** The report with one more diagnostic, kept in line order. */
export function append(report: FileReport, item: Diagnostic | null): FileReport {
  return item ? { ...report, diagnostics: [...report.diagnostics, item].sort((a, b) => a.line - b.line || a.column - b.column) } : report;
}

/** Two files claiming one plan id and version: the later path is reported, naming the earlier. */
export function findDuplicatePlans(reports: FileReport[], config: Config): FileReport[] {
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
    const data = { id: plan.id, version: plan.version };
    const claimed = { path: earlier, line: 1, column: 1, message: said(duplicatePlan, 'first', data).message };
    return append(report, diagnostic(said(duplicatePlan, 'duplicate', data), config, 1, [claimed]));
  });
}
