import { ruleMeta } from '../rule.ts';

/** Checked by the file gate before a file is read. */
export default ruleMeta('unsafe-file-name', {
  optionLike: 'Unexpected file name `{{name}}`, expected one that does not start with `-`: tools the site runs (git, among them) would take it for an option. Rename it.',
});
