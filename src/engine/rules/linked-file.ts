import { ruleMeta } from '../rule.ts';

/** Checked by the file gate, and by every reader of a project file, before anything is opened. */
export default ruleMeta('linked-file', {
  linked: 'Unexpected file that {{reason}}, expected a regular file inside the project. Content arrives by pull request, so links are never followed; commit the file itself. It was not read.',
});
