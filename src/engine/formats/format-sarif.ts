import { RULE_IDS, RULES } from '../../schemas/rule-registry.ts';
import type { FileReport } from '../file-report.ts';
import { ruleDocsUrl, SITE_URL } from '../site-urls.ts';

/** A place in a file, as SARIF writes it. */
const location = (path: string, place: { line: number; column: number }) => ({
  physicalLocation: { artifactLocation: { uri: path.split('\\').join('/') }, region: { startLine: place.line, startColumn: place.column } },
});

/** SARIF 2.1.0, for code-scanning dashboards; a message's cause becomes its related locations. */
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
              locations: [location(report.path, item)],
              ...(item.cause ? { relatedLocations: item.cause.map((related, id) => ({ id, ...location(related.path ?? report.path, related), message: { text: related.message } })) } : {}),
            })),
          ),
        },
      ],
    },
    null,
    2,
  );
}
