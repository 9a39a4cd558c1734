import { basename } from 'node:path';
import { parsePlanPath } from '../../model/plan-path.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'version-mismatch',
  scope: 'file',
  messages: {
    location: 'Unexpected plan file location `{{file}}`, expected `<plan-id>/v<N>.mdx` with a lower-case kebab-case id, such as `checkout-redesign/v1.mdx`. Move or rename the file.',
    version: 'Unexpected `version: {{version}}` in `{{file}}`, expected `version: {{expected}}`. Make the frontmatter and the file name agree; a new version is a new file.',
  },
  check(plan, report) {
    const location = parsePlanPath(plan.path);
    if (!location) {
      report({ place: { line: 1, column: 1 }, messageId: 'location', data: { file: basename(plan.path) }, actual: basename(plan.path) });
      return;
    }
    const data = plan.frontmatter?.data;
    const version = data && typeof data === 'object' && 'version' in data ? data.version : undefined;
    if (typeof version !== 'number' || version === location.version) return;
    report({
      place: plan.frontmatter?.locate(['version']),
      messageId: 'version',
      data: { version, file: `${location.id}/v${location.version}.mdx`, expected: location.version },
      actual: String(version),
      expected: [String(location.version)],
    });
  },
});
