import type { ExplainedCriterion } from '../../model/plan-criteria.ts';
import { type Diagnostic, type FileReport, summarize } from '../file-report.ts';
import { messageOf } from '../rule.ts';
import unboundMetric from '../rules/unbound-metric.ts';
import { repeatedUnbound } from './repeated-unbound.ts';

const paint = (enabled: boolean, code: number) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);

const VERDICTS: Readonly<Record<ExplainedCriterion['status'], string>> = { read: '→', ambiguous: '→ ambiguous:', unsure: '→ not read.', none: '→ not read.' };

/** Each bullet under a heading for its kind: "line 48: <text> → <reading>", then its notes. */
function explainLines(explained: readonly ExplainedCriterion[], dim: (text: string) => string): string[] {
  const out: string[] = [];
  for (const [kind, heading] of [
    ['exit', 'Exit criteria'],
    ['rollback', 'Rollback triggers'],
  ] as const) {
    const own = explained.filter((item) => item.kind === kind);
    out.push(`  ${heading}:${own.length === 0 ? ' none' : ''}`);
    for (const item of own) {
      out.push(`    line ${item.line}: ${item.text} ${VERDICTS[item.status]}${item.readings.length > 0 ? ` ${item.readings.join(item.status === 'ambiguous' ? ', or ' : '; ')}` : ''}`);
      for (const note of item.notes) out.push(dim(`      ${note}`));
      // Which words went where: "metric `orders shipped` · comparison `Zero`".
      if (item.words)
        out.push(
          dim(
            `      Words: ${item.words
              .filter((run) => run.part !== 'filler')
              .map((run) => `${run.part} \`${run.text}\``)
              .join(' · ')}`,
          ),
        );
    }
  }
  return out;
}

/**
 * A file's problems as the terminal shows them: `unbound-metric` repeated on many criteria is one message at
 * the first, each metric after it at its own line with the nearest catalogue name, instead of the same advice
 * on every criterion (a thousand plans' report was mostly that).
 */
function grouped(items: readonly Diagnostic[]): readonly Diagnostic[] {
  const unbound = repeatedUnbound(items);
  const [first] = unbound;
  if (!first) return items;
  const cause = unbound.map((item) => ({ line: item.line, column: item.column, message: `\`${item.actual}\`${item.expected?.[0] ? `, nearest \`${item.expected[0]}\`` : ''}` }));
  const message = messageOf(unboundMetric.meta, { messageId: 'groupedBelow', data: { count: unbound.length } });
  return items.flatMap((item) => (item === first ? [{ ...first, messageId: 'groupedBelow', message, cause }] : unbound.includes(item) ? [] : [item]));
}

/** Grouped by file, each problem with its source line and a caret under the column; with `explain`, every criterion's reading too. */
export function formatPretty(reports: readonly FileReport[], options: { color: boolean; explain?: boolean }): string {
  const chunks: string[] = [];
  writePretty(reports, options, (chunk) => chunks.push(chunk));
  return chunks.join('\n');
}

/**
 * The same report, handed out a file at a time: ten thousand plans' problems are tens of megabytes, and
 * written as they are formed they never stand in memory whole. The chunks joined by line ends are the text.
 */
export function writePretty(reports: readonly FileReport[], options: { color: boolean; explain?: boolean }, emit: (chunk: string) => void): void {
  const red = paint(options.color, 31);
  const yellow = paint(options.color, 33);
  const dim = paint(options.color, 2);
  const bold = paint(options.color, 1);
  let out: string[] = [];
  for (const report of reports) {
    const items = report.diagnostics;
    const explained = options.explain && report.plan ? (report.plan.explained ?? []) : null;
    if (items.length === 0 && !explained) continue;
    const lines = report.source.split(/\r?\n/);
    out.push(bold(report.path));
    if (explained) out.push(...explainLines(explained, dim), ...(items.length > 0 ? [''] : []));
    for (const item of grouped(items)) {
      const label = item.severity === 'error' ? red('error  ') : yellow('warning');
      out.push(`  ${report.path}:${item.line}:${item.column}  ${label}  ${item.message}  ${dim(item.ruleId)}`);
      const text = lines[item.line - 1];
      if (text !== undefined && text.trim() !== '') {
        const gutter = String(item.line);
        const shown = text.length > 160 ? `${text.slice(0, 157)}...` : text;
        out.push(dim(`    ${gutter} | `) + shown);
        out.push(dim(`    ${' '.repeat(gutter.length)} | `) + red(`${' '.repeat(Math.min(item.column - 1, 160))}^`));
      }
      // The places that explain it, each at its own file and line.
      for (const related of item.cause ?? []) out.push(dim(`    ↳ ${related.path ?? report.path}:${related.line}:${related.column}  ${related.message}`));
    }
    out.push('');
    emit(out.join('\n'));
    out = [];
  }
  // Each rule that spoke, once, with the page that explains it and how to fix what it found.
  const links = new Map(reports.flatMap((report) => report.diagnostics.flatMap((item) => (item.url ? [[item.ruleId, item.url] as const] : []))));
  if (links.size > 0) {
    const width = Math.max(...[...links.keys()].map((ruleId) => ruleId.length));
    out.push('Rules:', ...[...links].sort(([a], [b]) => a.localeCompare(b)).map(([ruleId, url]) => `  ${ruleId.padEnd(width)}  ${dim(url)}`), '');
  }
  const { files, errors, warnings } = summarize(reports);
  const withProblems = reports.filter((report) => report.diagnostics.length > 0).length;
  const problems = errors + warnings;
  out.push(
    problems === 0
      ? `✔ ${files} ${files === 1 ? 'file' : 'files'} checked, no problems`
      : `${errors > 0 ? red('✖') : yellow('⚠')} ${problems} ${problems === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}) in ${withProblems} of ${files} ${files === 1 ? 'file' : 'files'}`,
  );
  emit(out.join('\n'));
}
