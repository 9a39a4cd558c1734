import { type Diagnostic, type FileReport, summarize } from '../file-report.ts';
import { messageOf } from '../rule.ts';
import unboundMetric from '../rules/unbound-metric.ts';
import { repeatedUnbound } from './repeated-unbound.ts';

/**
 * The diagnostics of one file as the JSON report gives them: each as it is, except `unbound-metric`
 * repeated on many criteria, which becomes one message that names every metric with its line (and the
 * nearest catalogue name, when there is one), at the first of them, with `lines` for all.
 */
function reported(diagnostics: readonly Diagnostic[]): Array<Diagnostic & { lines?: number[] }> {
  const unbound = repeatedUnbound(diagnostics);
  const shown = ({ ruleId, messageId, severity, message, line, column, url, cause }: Diagnostic) => ({
    ruleId,
    ...(messageId ? { messageId } : {}),
    severity,
    message,
    line,
    column,
    url: url ?? undefined,
    ...(cause ? { cause } : {}),
  });
  if (unbound.length === 0) return diagnostics.map(shown);
  const [first] = unbound as [Diagnostic, ...Diagnostic[]];
  const names = unbound.map((item) => `\`${item.actual}\` (line ${item.line}${item.expected?.[0] ? `, nearest \`${item.expected[0]}\`` : ''})`).join(', ');
  const grouped = {
    ...shown(first),
    messageId: 'grouped',
    message: messageOf(unboundMetric.meta, { messageId: 'grouped', data: { count: unbound.length, names } }),
    lines: unbound.map((item) => item.line),
  };
  return [...diagnostics.filter((item) => !unbound.includes(item)).map(shown), grouped].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Exactly one JSON object: every file with its problems and parsed criteria (and, to explain, every bullet's reading), then the totals. */
export function formatJson(reports: readonly FileReport[], options: { explain: boolean } = { explain: false }): string {
  return JSON.stringify({
    files: reports.map((report) => ({
      path: report.path,
      plan: report.plan?.id ?? null,
      version: report.plan?.version ?? null,
      diagnostics: reported(report.diagnostics).map((item) => ({ ...item, url: item.url ?? null })),
      criteria: report.plan?.criteria ?? { exit: [], rollback: [] },
      ...(options.explain ? { explained: report.plan?.explained ?? [] } : {}),
    })),
    summary: summarize(reports),
  });
}
