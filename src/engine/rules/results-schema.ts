import { ruleMeta } from '../rule.ts';

/** Checked on each plan's results.yaml, against the plan version it is for. */
export default ruleMeta('results-schema', {
  // The schema's own sentence about the file, and the evaluation's about one observation: what is wrong and what fits.
  invalid: '{{problem}}',
  observation: '{{problem}}',
  tooLarge: 'Unexpected results file of {{size}} bytes, expected at most {{max}} (`maxFileSize` in pilotplan.config.json). Shorten it; it was not read.',
  noVersion: 'Unexpected results for a plan version that does not exist (`version: {{version}}`), expected the version of a `v<N>.mdx` beside this file. Correct `version`.',
});
