import { ruleMeta } from '../rule.ts';

/** Checked by the file gate, from a file's size alone, before anything reads it. */
export default ruleMeta('file-too-large', {
  tooLarge: 'Unexpected file of {{size}} bytes, expected at most {{max}} (`maxFileSize` in pilotplan.config.json). Split the plan or shorten it; it was not checked.',
});
