import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/engine/check-files.ts';
import { checkDocuments } from '../../src/engine/check-safety.ts';
import { unsafeBeyondPlans } from '../../src/engine/file-report.ts';
import { collectContentFiles } from '../../src/engine/plan-files.ts';
import { ConfigSchema } from '../../src/schemas/config-schema.ts';
import { cli, goodPlan, project, withBody } from './attack-helpers.ts';

// Found by an independent review of issue 17's fix: pages beside the plans, and folders the walk skipped.
const page = (frontmatter: string, body = 'Just text.') => `---\ntitle: Harmless page\n${frontmatter}---\n\n${body}\n`;

describe('every page under content/ is held to the safety rules before the build parses it', () => {
  const refused: Record<string, { path: string; text: string; message: string }> = {
    'layout runs code': { path: 'content/learn/pwn.mdx', text: page(`layout: "data:text/javascript,process.exit(7)"\n`), message: 'Unexpected `layout` in the frontmatter' },
    'head writes tags': {
      path: 'content/learn/guide.md',
      text: page(`head:\n  - tag: meta\n    attrs: { http-equiv: refresh, content: '0;url=https://evil.example' }\n`),
      message: 'Unexpected `head` in the frontmatter',
    },
    'banner HTML': { path: 'content/learn/guide.md', text: page(`banner:\n  content: <img src=x onerror=alert(1)>\n`), message: 'Unexpected `banner` in the frontmatter' },
    'an alias bomb': { path: 'content/learn/bomb.mdx', text: page(`a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n`), message: 'Unexpected YAML alias' },
    'a script in a .md page': { path: 'content/authoring/notes.md', text: page('', '<script>alert(1)</script>'), message: 'Unexpected raw HTML element `<script>`' },
    'a javascript: link in a guide': { path: 'content/learn/guide.md', text: page('', '[Open](javascript:alert(1))'), message: 'Unexpected `javascript:` URL' },
    'an import in a guide': { path: 'content/learn/guide.mdx', text: page('', "import os from 'node:os'"), message: 'Unexpected `import` statement' },
    'directive fences': { path: 'content/learn/guide.md', text: page('', ':::a\n'.repeat(120)), message: 'Unexpected directive lines' },
    'leaf directives': { path: 'content/learn/guide.md', text: page('', '::note\n\n'.repeat(120)), message: 'Unexpected directive lines' },
    'an image that is a module': { path: 'content/learn/f.mdx', text: page('', '![x](./evil.mjs)'), message: 'Unexpected image `./evil.mjs`, a local path other than' },
    'an image outside the page folder': { path: 'content/learn/g.md', text: page('', '![s](../../../../secret.png)'), message: 'Unexpected image `../../../../secret.png`, a local path other than' },
    'an image definition that is a module': { path: 'content/learn/h.md', text: page('', '![x][pic]\n\n[pic]: ./evil.mjs'), message: 'Unexpected image `./evil.mjs`' },
    'hero.image': { path: 'content/learn/a.md', text: page(`hero:\n  image:\n    html: <img src=x onerror=alert(1)>\n`), message: 'Unexpected `hero.image` in the frontmatter' },
    'a javascript: hero action': {
      path: 'content/learn/a.md',
      text: page(`hero:\n  actions:\n    - { text: Go, link: 'javascript:alert(1)' }\n`),
      message: 'Unexpected `javascript:` link in `hero.actions[0].link`',
    },
    'an icon that is markup': { path: 'content/learn/a.md', text: page(`hero:\n  actions:\n    - { text: Go, link: /plans/, icon: '<svg onload=alert(1)>' }\n`), message: 'Unexpected icon' },
    editUrl: { path: 'content/learn/a.md', text: page(`editUrl: 'javascript:alert(1)'\n`), message: 'Unexpected `editUrl` other than `false`' },
    'prev and next': { path: 'content/learn/a.md', text: page(`prev: { link: 'javascript:alert(1)', label: Back }\n`), message: 'Unexpected `prev` in the frontmatter' },
    'a merge key': { path: 'content/learn/c.mdx', text: page(`<<: { head: [] }\n`), message: 'Unexpected `<<` in the frontmatter' },
    'frontmatter after a blank line': { path: 'content/learn/b.md', text: `\n${page(`head: []\n`)}`, message: 'Unexpected frontmatter after a byte-order mark or blank lines' },
    'frontmatter after a byte-order mark': { path: 'content/learn/e.md', text: `\uFEFF${page('')}`, message: 'Unexpected frontmatter after a byte-order mark' },
    'TOML frontmatter': { path: 'content/learn/d.md', text: '+++\ntitle = "x"\n+++\n\nText.\n', message: 'Unexpected frontmatter after a byte-order mark or blank lines, written as TOML' },
    'an image with a hash Vite imports as code': { path: 'content/learn/i.md', text: page('', '![z](./pics/c.png#x)'), message: 'Unexpected image `./pics/c.png#x`, a local path other than' },
    'an image path with percent-escaped dots': { path: 'content/learn/j.md', text: page('', '![x](./%2e%2e/%2e%2e/secret.png)'), message: 'Unexpected image `./%2e%2e/%2e%2e/secret.png`' },
    'an image read raw': { path: 'content/learn/k.md', text: page('', '![x](./a.png?raw)'), message: 'Unexpected image `./a.png?raw`' },
    'an SVG image published with its scripts': { path: 'content/learn/l.md', text: page('', '![x](./evil.svg)'), message: 'Unexpected image `./evil.svg`' },
    'text beside the opening ---': { path: 'content/learn/m.md', text: `--- #\ntitle: x\nhead: []\n---\n\nText.\n`, message: 'Unexpected frontmatter after a byte-order mark' },
    'a +++ line closing the frontmatter early for the build': {
      path: 'content/learn/n.mdx',
      text: `---\ntitle: x\n+++\nimport os from 'node:os'\n---\n\nText.\n`,
      message: 'Unexpected frontmatter after a byte-order mark',
    },
    'frontmatter the checker cannot read': { path: 'content/learn/o.md', text: `---\ntitle: x\n? [a]\n: b\nhead: []\n---\n\nText.\n`, message: 'Unexpected frontmatter the checker cannot read' },
    'an MDX page the build cannot compile': { path: 'content/learn/p.mdx', text: page('', 'See <https://example.org> for more.'), message: 'Unreadable MDX: Unexpected character after' },
    'a name git takes for an option': { path: 'content/learn/--output=pwned.md', text: page(''), message: 'Unexpected file name `--output=pwned.md`' },
    'a page in a folder named dist': { path: 'content/learn/dist/evil.md', text: page('', '*a'.repeat(300)), message: 'Unexpected 300 emphasis' },
    'a plan in a folder named node_modules': { path: 'content/plans/node_modules/v1.mdx', text: goodPlan.replace('## Scope\n', '## Scope\n\n{process.env.HOME}\n'), message: 'Unexpected expression' },
  };

  it.each(Object.entries(refused))('%s: check exits 1 at the page', async (_name, { path, text, message }) => {
    const { code, output } = await cli(project({ 'content/plans/saved-carts/v1.mdx': goodPlan, [path]: text }), 'check', '--no-cache');
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`${path.replaceAll('.', '\\.')}:\\d+:\\d+ +error +${message.replace(/[.*+?^${}()|[\]\\`<>:]/g, '\\$&')}`));
  });

  it('flawed plans are shown as text, never compiled: only shapes that stall a parser are refused there', async () => {
    const root = project({ 'content/plans/saved-carts/v1.mdx': goodPlan, 'content/flawed/unsafe.mdx': goodPlan.replace('## Scope\n', '## Scope\n\n{process.env.HOME}\n') });
    expect((await cli(root, 'check', '--no-cache')).code).toBe(0);
    const stalling = project({ 'content/plans/saved-carts/v1.mdx': goodPlan, 'content/flawed/slow.mdx': goodPlan.replace('## Scope\n', `## Scope\n\n${'*a'.repeat(300)}\n`) });
    expect((await cli(stalling, 'check', '--no-cache')).output).toContain('pathological-markdown');
  });

  it('a link inside a folder named dist is reported, and its target not read', async () => {
    const root = project({ 'content/plans/saved-carts/v1.mdx': goodPlan });
    const outside = project({ 'leak.mdx': page('', 'ghp_secret') });
    mkdirSync(join(root, 'content/learn/dist'), { recursive: true });
    symlinkSync(join(outside, 'leak.mdx'), join(root, 'content/learn/dist/leak.mdx'));
    const { code, output } = await cli(root, 'check', '--no-cache');
    expect(code).toBe(1);
    expect(output).toContain('content/learn/dist/leak.mdx:1:1  error    Unexpected file that is a symbolic link');
    expect(output).not.toContain('ghp_');
  });
});

describe('astro dev refuses to start on a safety error outside the plans', () => {
  // The integration's pre-check, as it runs before dev serves anything.
  async function devRefuses(files: Record<string, string>) {
    const root = project({ 'content/plans/saved-carts/v1.mdx': goodPlan, ...files });
    const contentDir = join(root, 'content');
    const config = ConfigSchema().parse({});
    const found = collectContentFiles([contentDir], contentDir, config);
    const reports = [...(await checkFiles(found.plans, config, root, { cache: false })), ...checkDocuments(found.documents, config, root, contentDir)];
    return unsafeBeyondPlans(reports);
  }

  it.each([
    ['a page named like a git option', { 'content/learn/--output=pwned.md': page('') }],
    ['a guide with head entries', { 'content/learn/a.md': page(`head: []\n`) }],
  ])('%s', async (_name, files) => {
    expect(await devRefuses(files)).toBe(true);
  });

  it('a link', async () => {
    const root = project({ 'content/plans/saved-carts/v1.mdx': goodPlan });
    symlinkSync('/etc/hostname', join(root, 'content/notes.md'));
    const contentDir = join(root, 'content');
    const config = ConfigSchema().parse({});
    const reports = await checkFiles(collectContentFiles([contentDir], contentDir, config).plans, config, root, { cache: false });
    expect(unsafeBeyondPlans(reports)).toBe(true);
  });

  it('but not on a broken plan, which dev shows as its report and never compiles', async () => {
    expect(await devRefuses({ 'content/plans/returns/v1.mdx': withBody('{process.env.HOME}').replace('Saved carts pilot', 'Returns pilot') })).toBe(false);
  });
});
