import type { FileReport } from '../file-report.ts';
import { rules } from '../rules/index.ts';
import { ruleDocsUrl, SITE_URL } from '../site-urls.ts';

/** SARIF 2.1.0, for code-scanning dashboards. */
export function formatSarif(reports: readonly FileReport[]): string {
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'pilotplan',
              informationUri: SITE_URL,
              rules: rules.map((rule) => ({ id: rule.id, shortDescription: { text: rule.summary }, helpUri: ruleDocsUrl(rule.id) })),
            },
          },
          results: reports.flatMap((report) =>
            report.diagnostics.map((item) => ({
              ruleId: item.ruleId,
              level: item.severity,
              message: { text: item.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: report.path.split('\\').join('/') },
                    region: { startLine: item.line, startColumn: item.column },
                  },
                },
              ],
            })),
          ),
        },
      ],
    },
    null,
    2,
  );
}
