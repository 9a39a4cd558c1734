import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository, so the copied site resolves astro and Starlight from its node_modules.
const site = fileURLToPath(new URL('../.tmp/xss-site/', import.meta.url));

// Each payload calls alert(n) if it ever runs, and marks every element it would create with
// `data-pwn`, so an injection shows in the parsed DOM even where the CSP stops the script.
const PAYLOADS = [
  '<script data-pwn>alert(1)</script>',
  '<img src=x data-pwn onerror=alert(2)>',
  '<svg data-pwn onload=alert(3)>',
  '"><script data-pwn>alert(4)</script>',
  "'><img src=x data-pwn onerror=alert(5)>",
  'javascript:alert(6)',
  '<iframe data-pwn src="javascript:alert(7)"></iframe>',
  '<body data-pwn onload=alert(8)>',
  '<a data-pwn href="javascript:alert(9)">click</a>',
  '</title><script data-pwn>alert(10)</script>',
  "<style data-pwn>@import 'javascript:alert(11)'</style>",
  "{{constructor.constructor('alert(12)')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is the literal text a template would run
  '${alert(13)}',
  '<details data-pwn open ontoggle=alert(14)>',
  '<math><mtext><table><mglyph><style><img data-pwn src=x onerror=alert(15)>',
  '"-alert(16)-"',
  '</script><script data-pwn>alert(17)</script>',
  '<input data-pwn autofocus onfocus=alert(18)>',
  '<video><source data-pwn onerror=alert(19)></video>',
  '&lt;img src=x onerror=alert(20)&gt;',
  '<marquee data-pwn onstart=alert(21)>',
  "';alert(22);//",
  '<object data-pwn data="javascript:alert(23)"></object>',
  '<meta data-pwn http-equiv="refresh" content="0;url=javascript:alert(24)">',
  // Payloads that close the context they sit in.
  '</textarea><script data-pwn>alert(25)</script>',
  '</style><script data-pwn>alert(26)</script>',
  '"><img src=x data-pwn onerror=alert(27)>',
  "'><svg data-pwn onload=alert(28)>",
  '</noscript><img src=x data-pwn onerror=alert(29)>',
  '--><script data-pwn>alert(30)</script>',
  ']]><script data-pwn>alert(31)</script>',
  '</template><script data-pwn>alert(32)</script>',
  '</title></head><body><script data-pwn>alert(33)</script>',
  '" onmouseover="alert(34)" data-pwn="',
  "' onfocus='alert(35)' autofocus data-pwn='",
  '</script><img src=x data-pwn onerror=alert(36)>',
];

// Every free-text string in a plan's frontmatter; the other strings are dates, ids or enums.
const FIELDS: ReadonlyArray<readonly PropertyKey[]> = [['title'], ['summary'], ['owner'], ['facilitator'], ['cohort', 'description'], ['tags', 0], ['decision', 'by'], ['decision', 'notes']];
const COLLECTIONS = ['plans', 'examples'] as const;
// The canary writes one plan's fields raw: the test must find it, or it could not find anything.
const CANARY = 10;

// Plan ids are unique across collections.
const id = (index: number, collection: (typeof COLLECTIONS)[number] = 'plans') => `${collection}-hostile-${index + 1}`;
const fieldText = (index: number, version: number) => `V${version} ${PAYLOADS[index] ?? ''}`;

/** A valid plan whose every free-text field carries one payload, written through the YAML document API. */
function hostilePlan(template: string, index: number, version: number): string {
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(template) ?? [];
  const document = parseDocument(yaml);
  document.set('version', version);
  document.set('tags', document.createNode(['']));
  document.set('decision', document.createNode({ outcome: 'iterate', date: '2026-12-20', by: '', notes: '' }));
  for (const path of FIELDS) document.setIn(path, fieldText(index, version));
  return `---\n${document.toString({ lineWidth: 0 })}---\n${body}`;
}

const CANARY_PAGE = `---
import { entriesOf } from '../site/plan-pages.ts';
const plan = (await entriesOf('plans')).find((entry) => entry.id === '${id(CANARY - 1)}');
const title = plan?.latest.data.title ?? '';
---
<html lang="en"><head><meta charset="utf-8" /><title set:html={title}></title></head><body><p set:html={plan?.latest.data.summary} /></body></html>
`;

// vitest's own variables make a child build think it is in development (no search index): leave them out.
const cleanEnvironment = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' });

/** What a payload left in the parsed page: marked elements, event-handler attributes, script links, extra titles. */
function injections(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      if (element.hasAttribute('data-pwn')) found.push(`injected <${element.localName}>`);
      for (const { name } of element.attributes) if (name.startsWith('on')) found.push(`<${element.localName} ${name}>`);
      if (/^\s*javascript:/i.test(element.getAttribute('href') ?? '')) found.push(`javascript: link on <${element.localName}>`);
    }
    const titles = document.querySelectorAll('title').length;
    if (titles !== 1) found.push(`${titles} <title> elements`);
    return found;
  });
}

let browser: Browser | null = null;
let server: { url: string; close: () => Promise<void> } | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  if (!browser) return;
  rmSync(site, { recursive: true, force: true });
  for (const part of ['astro.config.mjs', 'src', 'plugins', 'public', 'content']) cpSync(`${repo}${part}`, `${site}${part}`, { recursive: true });
  const template = readFileSync(`${repo}test/fixtures/required-section/ok.mdx`, 'utf8');
  for (const collection of COLLECTIONS) {
    rmSync(`${site}content/${collection}`, { recursive: true, force: true });
    PAYLOADS.forEach((_, index) => {
      mkdirSync(`${site}content/${collection}/${id(index, collection)}`, { recursive: true });
      for (const version of [1, 2]) writeFileSync(`${site}content/${collection}/${id(index, collection)}/v${version}.mdx`, hostilePlan(template, index, version));
    });
  }
  writeFileSync(`${site}src/pages/xss-canary.astro`, CANARY_PAGE);
  const build = spawnSync(process.execPath, [`${repo}node_modules/astro/bin/astro.mjs`, 'build', '--root', site], { encoding: 'utf8', env: cleanEnvironment() });
  if (build.status !== 0) throw new Error(`The hostile site did not build:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  server = await serveStatic(`${site}dist`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** A page in a context that records dialogs and CSP violations; `bypassCSP` tests the escaping alone. */
async function openContext(bypassCSP: boolean): Promise<{ context: BrowserContext; page: Page; dialogs: string[]; violations: string[] }> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ bypassCSP });
  // Waits are wide, as in `npm test`: a busy machine may be slow, never wrong.
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const dialogs: string[] = [];
  const violations: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${location.pathname}: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { context, page, dialogs, violations };
}

async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${server?.url}${path}`);
  expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
  await page.waitForLoadState('load');
}

const run = (name: string, test: () => Promise<void>, timeout = 300_000) => it(name, async (context) => (browser && server ? test() : context.skip()), timeout);

describe('frontmatter carrying XSS payloads', () => {
  run('is shown as text on every page that prints it, and no payload runs or adds markup', async () => {
    const { context, page, dialogs } = await openContext(true);
    const paths: string[] = [];
    for (const collection of COLLECTIONS) {
      await visit(page, `/${collection}/`);
      const filters = await page.locator('nav.filters a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(filters.filter((href) => href.includes('/by-tag/')).length).toBe(PAYLOADS.length);
      paths.push(`/${collection}/`, ...filters);
      PAYLOADS.forEach((_, index) => {
        paths.push(...['/', '/v1/', '/v2/changes/'].map((page) => `/${collection}/${id(index, collection)}${page}`));
      });
    }
    const problems: string[] = [];
    for (const path of paths) {
      await visit(page, path);
      for (const found of await injections(page)) problems.push(`${path}: ${found}`);
    }
    // Escaped, not dropped: the head and the page carry the payload as text, exactly.
    for (const collection of COLLECTIONS) {
      for (const index of PAYLOADS.keys()) {
        await visit(page, `/${collection}/${id(index, collection)}/`);
        const text = fieldText(index, 2);
        expect(await page.title()).toBe(`${text} | Pilotplan`);
        expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(text);
        expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(text);
        expect(await page.locator('h1').textContent()).toBe(text);
        expect(await page.locator('.plan-header').textContent()).toContain(text);
      }
    }
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  run('search results and JSON carry the payloads as text', async () => {
    const { context, page, dialogs } = await openContext(true);
    await visit(page, '/plans/');
    // The button stays disabled until Starlight's search script has run.
    await page.locator('site-search button[data-open-modal]:not([disabled])').click();
    await page.locator('.pagefind-ui__search-input').fill('V2');
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    await page
      .locator('.pagefind-ui__button')
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await page.waitForTimeout(300);
    expect(await page.locator('.pagefind-ui__result-link').count()).toBeGreaterThan(0);
    expect(await injections(page)).toEqual([]);
    const json = JSON.parse((await (await page.goto(`${server?.url}/plans.json`))?.text()) ?? '{}') as { plans: Array<{ versions: Array<{ title: string }> }> };
    expect(json.plans.map((plan) => plan.versions[1]?.title)).toEqual(expect.arrayContaining(PAYLOADS.map((_, index) => fieldText(index, 2))));
    expect(dialogs).toEqual([]);
    await context.close();
  });

  run('the check can fail: a page that writes a field raw is caught, and the CSP blocks its script', async () => {
    const bypassed = await openContext(true);
    await visit(bypassed.page, '/xss-canary/');
    expect(await injections(bypassed.page)).toEqual(expect.arrayContaining(['injected <script>']));
    expect(bypassed.dialogs).toEqual(expect.arrayContaining([expect.stringContaining('10')]));
    await bypassed.context.close();
    const guarded = await openContext(false);
    await visit(guarded.page, '/xss-canary/');
    expect(guarded.dialogs).toEqual([]);
    expect(guarded.violations.length).toBeGreaterThan(0);
    expect(guarded.violations).toEqual(guarded.violations.map(() => expect.stringContaining('script-src')));
    await guarded.context.close();
  });
});

describe('the Content-Security-Policy', () => {
  run('comes first in the head and lets every script of the site run, search and quiz included', async () => {
    const { context, page, dialogs, violations } = await openContext(false);
    for (const path of ['/', '/plans/', `/plans/${id(0)}/`, `/examples/${id(0, 'examples')}/v2/changes/`, '/authoring/', '/learn/guide/']) {
      await visit(page, path);
      expect(await page.evaluate(() => document.head.children[1]?.getAttribute('http-equiv'))).toBe('content-security-policy');
    }
    await visit(page, '/learn/quiz/');
    await page.locator('.quiz-form input[type="radio"]').first().check();
    await page.locator('.quiz-form button[type="submit"]').first().click();
    await expect.poll(() => page.locator('.quiz-form .feedback').first().textContent()).toMatch(/^(Right|Not quite)\./);
    await page.locator('site-search button[data-open-modal]:not([disabled])').click();
    await page.locator('.pagefind-ui__search-input').fill('rollback');
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(dark|light)$/);
    expect(violations).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
