import { basename } from 'node:path';
import { parsePlanPath } from '../../model/plan-path.ts';
import type { Rule } from '../rule.ts';

const rule: Rule = {
  id: 'version-mismatch',
  scope: 'file',
  check(plan, report) {
    const location = parsePlanPath(plan.path);
    if (!location) {
      report({
        place: { line: 1, column: 1 },
        reason: `Unexpected plan file location \`${basename(plan.path)}\`, expected \`<plan-id>/v<N>.mdx\` with a lower-case kebab-case id, such as \`checkout-redesign/v1.mdx\`. Move or rename the file.`,
        actual: basename(plan.path),
      });
      return;
    }
    const data = plan.frontmatter?.data;
    const version = data && typeof data === 'object' && 'version' in data ? data.version : undefined;
    if (typeof version !== 'number' || version === location.version) return;
    report({
      place: plan.frontmatter?.locate(['version']),
      reason: `Unexpected \`version: ${version}\` in \`${location.id}/v${location.version}.mdx\`, expected \`version: ${location.version}\`. Make the frontmatter and the file name agree; a new version is a new file.`,
      actual: String(version),
      expected: [String(location.version)],
    });
  },
};

export default rule;
