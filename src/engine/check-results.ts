import { VFile } from 'vfile';
import { evaluatePlan } from '../evaluate/evaluate-plan.ts';
import type { PlanCriteria } from '../model/plan-criteria.ts';
import type { ResultsFile } from '../model/read-results.ts';
import type { PilotDates } from '../model/time-box.ts';
import type { Config } from '../schemas/config-schema.ts';
import { messageOf, type Related, type Report } from './rule.ts';
import { ruleSeverity } from './rule-severity.ts';
import resultsSchema from './rules/results-schema.ts';
import { record } from './run-rules.ts';

/**
 * Checks a `results.yaml`: its schema, then that every observation can be compared with the plan
 * version it is for (units, scales, duplicates). Problems are `results-schema` messages in that file.
 */
export function checkResults(source: string, path: string, results: ResultsFile, version: { criteria: PlanCriteria; dates: PilotDates | null; path?: string } | null, config: Config): VFile {
  const file = new VFile({ path, value: source });
  const severity = ruleSeverity('results-schema', config);
  if (severity === 'off') return file;
  type Said = Pick<Report<keyof typeof resultsSchema.messages>, 'messageId' | 'data'>;
  const add = (place: { line: number; column: number }, said: Said, fatal: boolean, cause: readonly Related[] = []) =>
    record(file, 'results-schema', fatal && severity === 'error' ? 'error' : 'warning', messageOf(resultsSchema, said), { place, messageId: said.messageId, cause });
  for (const problem of results.problems) add(problem, { messageId: 'invalid', data: { problem: problem.message } }, true);
  if (results.results && version) {
    for (const problem of evaluatePlan(version.criteria, results.results.observations, version.dates).problems) {
      // The plan's lines that explain it, in the plan's own file.
      const cause = (problem.related ?? []).map((place) => ({ ...(version.path ? { path: version.path } : {}), line: place.line, column: 1, message: place.message }));
      add(results.locate(['observations', problem.observation], problem.field ?? undefined), { messageId: 'observation', data: { problem: problem.message } }, problem.severity === 'error', cause);
    }
  }
  if (results.results && !version) {
    add({ line: 1, column: 1 }, { messageId: 'noVersion', data: { version: results.results.version ?? 'latest' } }, true);
  }
  return file;
}
