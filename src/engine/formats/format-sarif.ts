import { RULE_IDS, RULES } from '../../schemas/rule-registry.ts';
import type { FileReport } from '../file-report.ts';
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
              rules: RULE_IDS.map((id) => ({ id, shortDescription: { text: RULES[id].description }, helpUri: ruleDocsUrl(id) })),
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
