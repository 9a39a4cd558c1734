import { explainIssues } from '../../model/describe-zod-issue.ts';
import { PlanFrontmatterSchema } from '../../schemas/plan-frontmatter-schema.ts';
import type { Rule } from '../rule.ts';

// Only read, never parsed with: the keys it accepts name what a misspelt key meant.
const planSchema = PlanFrontmatterSchema();

const rule: Rule = {
  id: 'frontmatter-schema',
  scope: 'file',
  check(plan, report) {
    const { frontmatter, validation } = plan;
    if (!frontmatter) {
      report({
        place: { line: 1, column: 1 },
        reason: 'Missing frontmatter, expected a YAML block between `---` lines at the top of the file. Run `npx pilotplan new <id>` for a template.',
      });
      return;
    }
    for (const problem of frontmatter.problems) {
      report({ place: problem, reason: `Unreadable frontmatter: ${problem.message}.` });
    }
    if (!validation || validation.success) return;
    for (const { path, key, message, meant, written } of explainIssues(validation.error.issues, planSchema)) {
      const actual = key ?? written;
      report({ place: frontmatter.locate(path, key), reason: message, ...(actual ? { actual } : {}), ...(meant ? { expected: [meant] } : {}) });
    }
  },
};

export default rule;
