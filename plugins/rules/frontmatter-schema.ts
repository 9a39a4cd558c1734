import { describeZodIssue } from '../../src/lib/describe-zod-issue.ts';
import type { Rule } from '../../src/lib/rule.ts';

const rule: Rule = {
  id: 'frontmatter-schema',
  defaultSeverity: 'error',
  summary: 'The frontmatter is readable YAML and matches the plan schema: every key known, every required key present.',
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
      report({ place: problem, reason: `Unreadable frontmatter YAML: ${problem.message}. Fix the YAML syntax at this position.` });
    }
    if (!validation || validation.success) return;
    for (const issue of validation.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const key of keys) {
        report({ place: frontmatter.locate(issue.path, key), reason: describeZodIssue(issue, key), ...(key ? { actual: key } : {}) });
      }
    }
  },
};

export default rule;
