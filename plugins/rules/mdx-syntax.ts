import type { Rule } from '../../src/lib/rule.ts';

const LESS_THAN_HINT =
  'In MDX, `<` followed by anything but a space starts a component. Write `≤` or `<` followed by a space, or escape it as `\\<` or `&lt;`.';

const rule: Rule = {
  id: 'mdx-syntax',
  defaultSeverity: 'error',
  summary: 'The file is valid MDX. An unescaped `<` is reported and the rest of the file is still checked.',
  scope: 'file',
  check(plan, report) {
    for (const problem of plan.syntaxProblems) {
      const detail = problem.message.replace(/\s+/g, ' ').replace(/\.$/, '');
      report({
        place: problem,
        reason: problem.recovered
          ? `Unexpected \`<\` starting a component, expected text. ${LESS_THAN_HINT}`
          : `Unreadable MDX: ${detail}. Fix the syntax here; the rest of the body was not checked. A literal \`{\` must be escaped as \`\\{\`, a literal \`<\` as \`\\<\`.`,
        note: detail,
      });
    }
  },
};

export default rule;
