import type { FileReport } from '../file-report.ts';

// Workflow commands end at a newline and split properties at `,` and `:`, so those are percent-encoded.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: one `::error` or `::warning` line per problem, shown on the pull request diff. */
export function formatGithub(reports: readonly FileReport[]): string {
  return reports
    .flatMap((report) =>
      report.diagnostics.map((item) => {
        // An annotation has one place; the others that explain it follow the message, one a line.
        const related = (item.cause ?? []).map((place) => `\n↳ ${place.path ?? report.path}:${place.line}:${place.column} ${place.message}`).join('');
        return `::${item.severity} file=${escapeProperty(report.path)},line=${item.line},col=${item.column},title=${escapeProperty(item.ruleId)}::${escapeData(item.message + related)}`;
      }),
    )
    .join('\n');
}
