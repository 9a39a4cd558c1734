import { describe, expect, it } from 'vitest';
import { cli, project, withBody } from './attack-helpers.ts';

// Issue 17, item 1: an ignore comment or the config switched mdx-safety off, and the build ran the code.
const payloads: Record<string, { line: string; ruleId: string }> = {
  import: { line: "import os from 'node:os'", ruleId: 'mdx-safety' },
  expression: { line: "{process.getBuiltinModule('fs').readFileSync('/etc/hostname', 'utf8')}", ruleId: 'mdx-safety' },
  'set:html': { line: '<Fragment set:html="<script>alert(1)</script>" />', ruleId: 'mdx-safety' },
  'javascript: link': { line: '[Open](javascript:alert(1))', ruleId: 'unsafe-url' },
};

const plan = (source: string) => project({ 'content/plans/saved-carts/v1.mdx': source });
const errorsOf = (output: string, ruleId: string) => output.split('\n').filter((line) => line.includes(' error ') && line.includes(ruleId));

describe('safety rules cannot be ignored or switched off', () => {
  it.each(Object.entries(payloads))('a blanket ignore comment does not silence %s', async (_name, { line, ruleId }) => {
    const { code, output } = await cli(plan(withBody(`{/* pilotplan-ignore-next-line */}\n${line}`)), 'check', '--no-cache');
    expect(code).toBe(1);
    // The payload is on the line after the comment: the Scope heading is line 15, its blank line 16.
    expect(errorsOf(output, ruleId).some((text) => text.includes('content/plans/saved-carts/v1.mdx:18:'))).toBe(true);
  });

  it.each(Object.entries(payloads))('an ignore comment naming the rule does not silence %s, and is an error itself', async (_name, { line, ruleId }) => {
    const { code, output } = await cli(plan(withBody(`{/* pilotplan-ignore-next-line ${ruleId} */}\n${line}`)), 'check', '--no-cache');
    expect(code).toBe(1);
    const errors = errorsOf(output, ruleId);
    expect(errors.some((text) => text.includes('v1.mdx:17:1') && text.includes(`Unexpected ignore comment for \`${ruleId}\`, a safety rule`))).toBe(true);
    expect(errors.some((text) => text.includes('v1.mdx:18:'))).toBe(true);
  });

  it('an ignore comment still silences a content rule', async () => {
    const { code, output } = await cli(plan(withBody('{/* pilotplan-ignore-next-line personal-data */}\nWrite to dana@example.com.')), 'check', '--no-cache');
    expect(output).not.toContain('personal-data');
    expect(code).toBe(0);
  });

  it.each(['off', 'warning'])('the config cannot set a safety rule to %s: exit 2, naming the line', async (severity) => {
    const root = project({
      'content/plans/saved-carts/v1.mdx': withBody('{process.env.HOME}'),
      'content/pilotplan.config.json': `{\n  "rules": {\n    "personal-data": "warning",\n    "mdx-safety": "${severity}"\n  }\n}\n`,
    });
    const { code, stderr } = await cli(root, 'check', '--no-cache');
    expect(code).toBe(2);
    expect(stderr).toContain(`content/pilotplan.config.json:4:5  rules.mdx-safety: Unexpected \`"${severity}"\` for \`mdx-safety\`, a safety rule`);
  });

  it('a config may still repeat that a safety rule is an error', async () => {
    const root = project({ 'content/plans/saved-carts/v1.mdx': withBody('{process.env.HOME}'), 'content/pilotplan.config.json': '{ "rules": { "mdx-safety": "error" } }' });
    const { code, output } = await cli(root, 'check', '--no-cache');
    expect(code).toBe(1);
    expect(errorsOf(output, 'mdx-safety')).toHaveLength(1);
  });
});
