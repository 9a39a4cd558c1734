import { explainIssues } from '../../model/describe-zod-issue.ts';
import { PlanFrontmatterSchema } from '../../schemas/plan-frontmatter-schema.ts';
import { defineRule } from '../rule.ts';

// Only read, never parsed with: the keys it accepts name what a misspelt key meant.
const planSchema = PlanFrontmatterSchema();

export default defineRule({
  id: 'frontmatter-schema',
  scope: 'file',
  messages: {
    missing: 'Missing frontmatter, expected a YAML block between `---` lines at the top of the file. Run `npx pilotplan new <id>` for a template.',
    unreadable: 'Unreadable frontmatter: {{problem}}.',
    // The schema's issue, said as the plan's fields: what is wrong, what was expected and the fix.
    invalid: '{{issue}}',
  },
  check(plan, report) {
    const { frontmatter, validation } = plan;
    if (!frontmatter) {
      report({ place: { line: 1, column: 1 }, messageId: 'missing' });
      return;
    }
    for (const problem of frontmatter.problems) {
      report({ place: problem, messageId: 'unreadable', data: { problem: problem.message } });
    }
    if (!validation || validation.success) return;
    for (const { path, key, message, meant, written } of explainIssues(validation.error.issues, planSchema)) {
      const actual = key ?? written;
      report({ place: frontmatter.locate(path, key), messageId: 'invalid', data: { issue: message }, ...(actual ? { actual } : {}), ...(meant ? { expected: [meant] } : {}) });
    }
  },
});
