import { ruleMeta } from '../rule.ts';

/** Checked against the last commit, for the plans a run changed. */
export default ruleMeta('approved-immutable', {
  edited:
    'Unexpected edit to a version that was `{{status}}` at `{{base}}`, expected it unchanged apart from `status` and `decision`. Undo the edit and write the change as a new version (`npx pilotplan new {{id}}`).',
});
