import type { Config } from '../schemas/config-schema.ts';
import type { RuleId } from '../schemas/rule-registry.ts';
import type { Diagnostic, FileReport } from './file-report.ts';
import { ruleSeverity } from './rule-severity.ts';
import { ruleDocsUrl } from './site-urls.ts';

/**
 * A problem found outside one file's rules (by comparing files, or by the limits a file broke), at
 * the severity the project set for its rule (all default to errors, and safety rules stay errors); null when the rule is off.
 */
export function diagnostic(ruleId: RuleId, message: string, config: Config, line = 1): Diagnostic | null {
  const severity = ruleSeverity(ruleId, config);
  return severity === 'off' ? null : { ruleId, severity, message, line, column: 1, url: ruleDocsUrl(ruleId) };
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
    return append(
      report,
      diagnostic(
        'duplicate-plan',
        `Unexpected second file for plan \`${plan.id}\` version ${plan.version}, expected one per id and version; \`${earlier}\` claims it too. Rename this plan's folder to a new id.`,
        config,
      ),
    );
  });
}
