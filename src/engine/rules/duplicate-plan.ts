import { ruleMeta } from '../rule.ts';

/** Checked across the files of one run; the earlier file is the message's cause. */
export default ruleMeta('duplicate-plan', {
  duplicate: "Unexpected second file for plan `{{id}}` version {{version}}, expected one per id and version. Rename this plan's folder to a new id.",
  first: 'The first file that claims plan `{{id}}` version {{version}}.',
});
