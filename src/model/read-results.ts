import { type Results, ResultsSchema } from '../schemas/results-schema.ts';
import { explainIssues } from './describe-zod-issue.ts';
import { type Point, readYaml, type YamlProblem } from './yaml-document.ts';

export interface ResultsFile {
  /** The validated results, or null when the file has errors. */
  results: Results | null;
  problems: YamlProblem[];
  /** Positions of values in the file, for messages about single observations. */
  locate: (path: readonly PropertyKey[], key?: string) => Point;
}

/** Reads and validates a `results.yaml`; every problem comes back positioned, nothing throws. */
export function readResults(source: string): ResultsFile {
  const yaml = readYaml(source, 1, 'observations: []');
  if (yaml.problems.length > 0) return { results: null, problems: yaml.problems.map((problem) => ({ ...problem, message: `Unreadable results file: ${problem.message}.` })), locate: yaml.locate };
  const schema = ResultsSchema();
  const parsed = schema.safeParse(yaml.data ?? {}, { reportInput: true });
  if (parsed.success) return { results: parsed.data, problems: [], locate: yaml.locate };
  const problems = explainIssues(parsed.error.issues, schema, 'results').map(({ path, key, message }) => ({ ...yaml.locate(path, key), message }));
  return { results: null, problems, locate: yaml.locate };
}
