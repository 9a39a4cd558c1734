import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { goodPlan, project, withBody } from './attack-helpers.ts';
import { build, copySite, rebuild, STACK_TRACE } from './fixture-build.ts';

// Issue 17, items 1, 2 and 4, through a real `astro build` of the fixture site.

const marker = `${project({})}/ran`;
const payload = `{/* pilotplan-ignore-next-line */}\n{process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')}`;

// Item 4's shapes: each took the build over ten minutes, or crashed it with a stack trace.
const refused: Record<string, string> = {
  'emphasis run': '*a'.repeat(200_000),
  'emphasis and underscore run': '*_'.repeat(150_000),
  'bracket run': '[a]'.repeat(100_000),
  'nested list markers': `${'- '.repeat(5_000)}x`,
  'directive fences': ':::a\n'.repeat(20_000),
};
const shapes = Object.entries(refused).map(([name, extra]) => [`content/plans/${name.replaceAll(' ', '-')}/v1.mdx`, withBody(extra).replace('Saved carts pilot', name)] as const);

// The pre-check reports every plan's problem before anything is built, so one build serves the attacks it
// must stop there: an expression behind an ignore comment, a plan linked to a file outside, the shapes.
let precheck = { root: '', status: null as number | null, output: '' };
beforeAll(() => {
  const secret = `${project({ 'secret.txt': 'TOKEN=ghp_do-not-publish\n' })}/secret.txt`;
  const root = copySite('precheck', { 'content/plans/saved-carts/v1.mdx': withBody(payload), ...Object.fromEntries(shapes) });
  mkdirSync(`${root}content/plans/leak`);
  symlinkSync(secret, `${root}content/plans/leak/v1.mdx`);
  precheck = { root, ...rebuild(root) };
}, 600_000);

describe('a plan cannot run code in the build', { timeout: 300_000 }, () => {
  it('behind an ignore comment: the pre-check stops the build, nothing runs, nothing is built', () => {
    const { root, status, output } = precheck;
    expect(status).not.toBe(0);
    expect(output).toContain('content/plans/saved-carts/v1.mdx:18:1  error    Unexpected expression');
    expect(output).not.toMatch(STACK_TRACE);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(`${root}dist`)).toBe(false);
  });

  // Without the pre-check, and with the file not a plan by the config: the remark plugin alone must refuse
  // each before MDX compiles it, or the code runs.
  const layout = `data:text/javascript,process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');export default function Layout(props){return props.children}`;
  const pluginOnly: Record<string, { files: Record<string, string>; message: string; ruleId: string }> = {
    'an expression behind an ignore comment': { files: { 'content/plans/saved-carts/v1.mdx': withBody(payload) }, message: 'Unexpected expression', ruleId: 'mdx-safety' },
    'the `layout` frontmatter key MDX imports': {
      files: { 'content/plans/saved-carts/v1.mdx': goodPlan.replace('duration: 2 weeks\n', `duration: 2 weeks\nlayout: ${JSON.stringify(layout)}\n`) },
      message: 'Unexpected `layout` in the frontmatter',
      ruleId: 'frontmatter-safety',
    },
    'a Markdown image the build would import as a module': {
      files: {
        'content/plans/saved-carts/v1.mdx': withBody('![chart](./chart.mjs)'),
        'content/plans/saved-carts/chart.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default { src: '/x.png', width: 1, height: 1, format: 'png' };\n`,
      },
      message: 'Unexpected image `./chart.mjs`, a local path other than',
      ruleId: 'unsafe-url',
    },
  };

  it.each(Object.entries(pluginOnly))('through %s, the remark plugin alone refuses it before MDX compiles it', (name, { files, message, ruleId }) => {
    const { root, status, output } = build(`plugin-${name.replace(/\W+/g, '-')}`, { ...files, 'content/pilotplan.config.json': '{ "plans": ["nothing/**/*.mdx"] }' }, { PILOTPLAN_PRECHECK: 'off' });
    expect(status).not.toBe(0);
    expect(output).toContain(message);
    expect(output).toContain(ruleId);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(`${root}dist/saved-carts/v1/index.html`)).toBe(false);
  });

  it('with mdx-safety switched off in the config, the build stops on the config', () => {
    const { status, output } = build('config-off', {
      'content/plans/saved-carts/v1.mdx': withBody(payload.split('\n')[1] ?? ''),
      'content/pilotplan.config.json': '{ "rules": { "mdx-safety": "off" } }',
    });
    expect(status).not.toBe(0);
    expect(output).toContain('for `mdx-safety`, a safety rule');
    expect(existsSync(marker)).toBe(false);
  });

  it('a plan that is a link to a file outside the project stops the build, unquoted', () => {
    const { root, status, output } = precheck;
    expect(status).not.toBe(0);
    expect(output).toContain('content/plans/leak/v1.mdx:1:1  error    Unexpected file that is a symbolic link');
    expect(output).not.toContain('ghp_');
    expect(existsSync(`${root}dist/leak/v1/index.html`)).toBe(false);
  });
});

describe('shapes that once hung the build', { timeout: 600_000 }, () => {
  it('each is refused by the pre-check with a positioned message in its own plan, no stack trace', () => {
    const { root, status, output } = precheck;
    expect(status).not.toBe(0);
    // Each plan's own message line, ending in the rule id.
    for (const [path] of shapes) expect(output).toMatch(new RegExp(`${path.replaceAll('.', '\\.')}:\\d+:\\d+ {2}error {4}Unexpected [^\\n]*pathological-markdown\\n`));
    expect(output).not.toMatch(STACK_TRACE);
    expect(output).not.toContain('Maximum call stack');
    expect(existsSync(`${root}dist`)).toBe(false);
  });
});
