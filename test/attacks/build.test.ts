import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { worstAcceptedBodies } from '../fixtures/hostile-shapes.ts';
import { goodPlan, project, withBody } from './attack-helpers.ts';

// Issue 17, items 1, 2 and 4, through a real `astro build` of the fixture site: the remark plugin and
// the integration as the site uses them, without Starlight's weight.
const fixtureSite = fileURLToPath(new URL('../fixtures/site', import.meta.url));
const scratch = fileURLToPath(new URL('../.tmp/', import.meta.url));
const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

const built: string[] = [];
afterAll(() => {
  for (const root of built) rmSync(root, { recursive: true, force: true });
});

/** Copies the fixture site with `files` (paths under it → text) and builds it. */
function build(name: string, files: Record<string, string>, env: Record<string, string> = {}) {
  const root = `${scratch}attack-${name}/`;
  built.push(root);
  rmSync(root, { recursive: true, force: true });
  cpSync(fixtureSite, root, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(`${root}${path.split('/').slice(0, -1).join('/')}`, { recursive: true });
    writeFileSync(`${root}${path}`, text);
  }
  return { root, ...rebuild(root, env) };
}

function rebuild(root: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [astro, 'build', '--root', root], {
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    // A hang is a failure, not a wait: the shapes below took over ten minutes before the fix.
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?\n/;

describe('a plan cannot run code in the build', { timeout: 300_000 }, () => {
  const marker = `${project({})}/ran`;
  const payload = `{/* pilotplan-ignore-next-line */}\n{process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')}`;

  it('behind an ignore comment: the pre-check stops the build, nothing runs, nothing is built', () => {
    const { root, status, output } = build('ignored-expression', { 'content/plans/saved-carts/v1.mdx': withBody(payload) });
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
    const secret = `${project({ 'secret.txt': 'TOKEN=ghp_do-not-publish\n' })}/secret.txt`;
    const { root } = build('linked-plan', { 'content/plans/saved-carts/v1.mdx': goodPlan });
    mkdirSync(`${root}content/plans/leak`);
    symlinkSync(secret, `${root}content/plans/leak/v1.mdx`);
    const { status, output } = rebuild(root);
    expect(status).not.toBe(0);
    expect(output).toContain('content/plans/leak/v1.mdx:1:1  error    Unexpected file that is a symbolic link');
    expect(output).not.toContain('ghp_');
    expect(existsSync(`${root}dist/leak/v1/index.html`)).toBe(false);
  });
});

describe('what passes the check builds in bounded time', { timeout: 600_000 }, () => {
  // Item 4's shapes: each took the build over ten minutes, or crashed it with a stack trace.
  const refused: Record<string, string> = {
    'emphasis run': '*a'.repeat(200_000),
    'emphasis and underscore run': '*_'.repeat(150_000),
    'bracket run': '[a]'.repeat(100_000),
    'nested list markers': `${'- '.repeat(5_000)}x`,
    'directive fences': ':::a\n'.repeat(20_000),
  };

  it.each(Object.entries(refused))('%s: refused by the pre-check with a positioned message, no stack trace', (name, extra) => {
    const { status, output } = build(`refused-${name.replaceAll(' ', '-')}`, { 'content/plans/saved-carts/v1.mdx': withBody(extra) });
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/plans\/saved-carts\/v1\.mdx:\d+:\d+ {2}error {4}Unexpected .*pathological-markdown/s);
    expect(output).not.toMatch(STACK_TRACE);
    expect(output).not.toContain('Maximum call stack');
  });

  // What they cost against a plain plan is measured by `npm run bench`; here the build must finish
  // (the spawn's time-out stops a hang) and take them.
  it('the largest shapes the check accepts build', () => {
    const bodies = worstAcceptedBodies();
    const worst = build('worst-accepted', {
      'content/plans/emphasis/v1.mdx': withBody(bodies.emphasis).replace('Saved carts pilot', 'Emphasis pilot'),
      'content/plans/brackets/v1.mdx': withBody(bodies.brackets).replace('Saved carts pilot', 'Brackets pilot'),
      'content/plans/nested/v1.mdx': withBody(bodies.nested).replace('Saved carts pilot', 'Nested pilot'),
    });
    expect(worst.output).not.toContain('pathological-markdown');
    expect(worst.status).toBe(0);
  });
});
