import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository, so the copied site resolves astro and Starlight from its node_modules.
const site = fileURLToPath(new URL('../.tmp/xss-site/', import.meta.url));

// Each payload calls alert(n) if it ever runs; the page must show every one as text.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<svg onload=alert(3)>',
  '"><script>alert(4)</script>',
  "'><img src=x onerror=alert(5)>",
  'javascript:alert(6)',
  '<iframe src="javascript:alert(7)"></iframe>',
  '<body onload=alert(8)>',
  '<a href="javascript:alert(9)">click</a>',
  '</title><script>alert(10)</script>',
  "<style>@import 'javascript:alert(11)'</style>",
  "{{constructor.constructor('alert(12)')()}}",
  '${alert(13)}',
  '<details open ontoggle=alert(14)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(15)>',
  '"-alert(16)-"',
  '</script><script>alert(17)</script>',
  '<input autofocus onfocus=alert(18)>',
  '<video><source onerror=alert(19)></video>',
  '&lt;img src=x onerror=alert(20)&gt;',
  '<marquee onstart=alert(21)>',
  "';alert(22);//",
  '<object data="javascript:alert(23)"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(24)">',
];

const yaml = (text: string) => JSON.stringify(text);

// vitest's own variables make a child build think it is in development (no search index): leave them out.
const cleanEnvironment = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' });

/** Plans whose every free-text frontmatter field carries payloads, each still a valid plan. */
function hostilePlans(template: string): Record<string, string> {
  const plans: Record<string, string> = {};
  for (let index = 0; index < PAYLOADS.length; index += 4) {
    const [a = '', b = '', c = '', d = ''] = PAYLOADS.slice(index, index + 4);
    const id = `hostile-${index / 4 + 1}`;
    plans[id] = template
      .replace(/^title: .*$/m, `title: ${yaml(`Pilot ${a}`)}`)
      .replace(/^summary: .*$/m, `summary: ${yaml(`Summary ${b}`)}`)
      .replace(/^owner: .*$/m, `owner: ${yaml(c)}\nfacilitator: ${yaml(d)}`)
      .replace(/^ {2}description: .*$/m, `  description: ${yaml(`Cohort ${a} ${d}`)}`)
      .replace(/^duration: .*$/m, `duration: 2 weeks\ntags: [${yaml(b)}, ${yaml(c)}]\ndecision: { outcome: iterate, date: 2026-12-20, by: ${yaml(d)}, notes: ${yaml(a)} }`);
  }
  return plans;
}

let browser: Browser | null = null;
let server: { url: string; close: () => Promise<void> } | undefined;
let plans: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  if (!browser) return;
  rmSync(site, { recursive: true, force: true });
  for (const part of ['astro.config.mjs', 'src', 'plugins', 'public', 'content']) cpSync(`${repo}${part}`, `${site}${part}`, { recursive: true });
  rmSync(`${site}content/plans`, { recursive: true, force: true });
  const template = readFileSync(`${repo}test/fixtures/required-section/ok.mdx`, 'utf8');
  for (const [id, source] of Object.entries(hostilePlans(template))) {
    mkdirSync(`${site}content/plans/${id}`, { recursive: true });
    writeFileSync(`${site}content/plans/${id}/v1.mdx`, source);
  }
  plans = Object.keys(hostilePlans(template));
  const build = spawnSync(process.execPath, [`${repo}node_modules/astro/bin/astro.mjs`, 'build', '--root', site], { encoding: 'utf8', env: cleanEnvironment() });
  if (build.status !== 0) throw new Error(`The hostile site did not build:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  server = await serveStatic(`${site}dist`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

describe('frontmatter carrying XSS payloads', () => {
  it('is shown as text on every page that prints it, and no payload runs', async (context) => {
    if (!browser || !server) return context.skip();
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(20);
    const pages = ['/plans/', ...plans.map((id) => `/plans/${id}/`), ...plans.map((id) => `/plans/${id}/v1/`), '/plans/by-status/draft/', '/plans/by-tag/iframe-src-javascript-alert-7-iframe/'];
    const fired: string[] = [];
    const page = await (await browser.newContext()).newPage();
    page.on('dialog', async (dialog) => {
      fired.push(`${page.url()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    for (const path of pages) {
      await page.goto(server.url + path);
      await page.waitForLoadState('load');
      await page.waitForTimeout(50);
      // Injected markup would appear as elements; escaped, it is only text.
      const injected = await page.evaluate(() => document.querySelectorAll('main img[src="x"], main svg[onload], main iframe, main marquee, main object, main input[onfocus], main details[ontoggle], meta[http-equiv="refresh"]').length);
      expect({ path, injected }).toEqual({ path, injected: 0 });
    }
    // The search index and its result list print titles and summaries too.
    await page.goto(`${server.url}/plans/`);
    // The button stays disabled until Starlight's search script has run.
    await page.locator('site-search button[data-open-modal]:not([disabled])').click();
    await page.locator('.pagefind-ui__search-input').fill('Pilot');
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.querySelectorAll('.pagefind-ui img[src="x"], .pagefind-ui svg[onload], .pagefind-ui iframe').length)).toBe(0);
    const text = await (await page.goto(`${server.url}/plans/${plans[0]}/`))?.text();
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const json = await (await page.goto(`${server.url}/plans.json`))?.text();
    expect(JSON.parse(json ?? '{}').plans.map((plan: { versions: Array<{ title: string }> }) => plan.versions[0]?.title)).toContain('Pilot <script>alert(1)</script>');
    expect(fired).toEqual([]);
  }, 240_000);
});
