import { ruleMeta } from '../rule.ts';

/** Checked by the job runner, which stops a plan's worker at the time limit. */
export default ruleMeta('check-timeout', {
  timedOut:
    'Checking this file took longer than {{seconds}} s (`timeLimit` in pilotplan.config.json), so it was stopped; the other files were checked. Look for deeply nested lists or quotes, or very long runs of brackets or markers.',
});
