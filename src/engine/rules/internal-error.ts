import { ruleMeta } from '../rule.ts';

/** Said for a file whose check threw: the run goes on with the other files. */
export default ruleMeta('internal-error', {
  failed: 'The checker failed on this file ({{reason}}). The rest was checked; please report this file.',
});
