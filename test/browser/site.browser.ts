import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const screenshots = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser | null = null;
let site: { url: string; close: () => Promise<void> } | undefined;

beforeAll(async () => {
  if (!existsSync(`${dist}index.html`)) throw new Error('Build the site first: npm run build');
  browser = await launchBrowser();
  site = await serveStatic(dist);
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, options: { javaScript?: boolean; width?: number; bypassCSP?: boolean } = {}): Promise<Page> {
  if (!browser || !site) throw new Error('no browser');
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, viewport: { width: options.width ?? 1280, height: 800 }, bypassCSP: options.bypassCSP ?? false });
  // Waits are wide, as in `npm test`: a busy machine may be slow, never wrong.
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const response = await page.goto(site.url + path);
  expect(response?.status()).toBe(200);
  return page;
}

const run = (name: string, test: () => Promise<void>) => it(name, async (context) => (browser ? test() : context.skip()));

describe('the published site', () => {
  run('home page links to plans, examples, learning and authoring', async () => {
    const page = await open('/');
    await expect(page.title()).resolves.toContain('Pilotplan');
    for (const href of ['/plans/', '/examples/', '/learn/guide/', '/authoring/']) expect(await page.locator(`main a[href="${href}"]`).count()).toBeGreaterThan(0);
  });

  run('plans list shows every plan and filters by status and tag without JavaScript', async () => {
    const page = await open('/plans/', { javaScript: false });
    expect(await page.locator('table.plan-list tbody tr').count()).toBe(3);
    await page.locator('nav.filters a', { hasText: 'rolled-back' }).click();
    await page.waitForURL('**/plans/by-status/rolled-back/');
    expect(await page.locator('table.plan-list tbody tr').allTextContents()).toEqual([expect.stringContaining('Adaptive rate limits for the partner API')]);
    await page.locator('nav.filters a', { hasText: 'mobile' }).click();
    await page.waitForURL('**/plans/by-tag/mobile/');
    expect(await page.locator('table.plan-list tbody tr').allTextContents()).toEqual([expect.stringContaining('Offline field notes')]);
  });

  run('a plan shows its latest version; an older one carries a banner to the latest', async () => {
    const latest = await open('/plans/checkout-redesign/');
    expect(await latest.locator('.old-version').count()).toBe(0);
    await expect(latest.locator('table.criteria').first().textContent()).resolves.toContain('4.2/5');
    await expect(latest.locator('.history').textContent()).resolves.toContain('v2 (this page)');
    const older = await open('/plans/checkout-redesign/v1/');
    await expect(older.locator('.old-version').textContent()).resolves.toContain('version 1');
    await older.locator('.old-version a').click();
    await older.waitForURL('**/plans/checkout-redesign/');
    // The latest version's own address leads to the plan's page, where it is rendered once.
    const permalink = await open('/plans/checkout-redesign/v2/');
    await permalink.waitForURL('**/plans/checkout-redesign/');
    await expect(permalink.locator('.history').textContent()).resolves.toContain('v2 (this page)');
    // The sitemap lists real pages only: v1, not the redirecting v2.
    const sitemap = await (await fetch(`${site?.url}/sitemap-0.xml`)).text();
    expect(sitemap).toContain('/plans/checkout-redesign/v1/</loc>');
    expect(sitemap).not.toContain('/plans/checkout-redesign/v2/</loc>');
  });

  run('a plan shows the alert each trigger becomes, and its four export files download as `pilotplan export` writes them', async () => {
    const page = await open('/plans/checkout-redesign/');
    const alerts = page.locator('ol.alerts > li');
    expect(await alerts.count()).toBe(3);
    await expect(alerts.nth(2).textContent()).resolves.toMatch(/Latency > 300 ms for 15 minutes.*PilotplanRollbackCheckoutLatencyP95 fires when.*> 0\.3.*has held for 15m/s);
    const links = await page.locator('ul.downloads a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    expect(links).toEqual(['prometheus-rules.yaml', 'prometheus-rule.yaml', 'analysis-templates.yaml', 'flagger.yaml'].map((file) => `/plans/checkout-redesign/v2/${file}`));
    const { main } = await import('../../src/cli/main.ts');
    for (const [link, target] of links.map((href, index) => [href, ['prometheus', 'prometheus-operator', 'argo-rollouts', 'flagger'][index]] as const)) {
      const response = await fetch(`${site?.url}${link}`);
      expect(response.status).toBe(200);
      let written = '';
      await main({
        argv: ['export', 'content/plans/checkout-redesign/v2.mdx', '--to', target ?? ''],
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        logMessage: (text) => (written += text),
        logError: () => {},
      });
      expect((await response.text()).trimEnd()).toBe(written);
    }
    // plans.json says how each criterion is measured.
    const json = await (await fetch(`${site?.url}/plans.json`)).json();
    const checkout = json.plans.find((plan: { id: string }) => plan.id === 'checkout-redesign');
    expect(checkout.versions.at(-1).bindings.rollback.at(-1)).toMatchObject({ metric: 'checkout latency p95', comparator: '>', threshold: 0.3, unit: 's', holdSeconds: 900, problem: null });
  });

  run('what changed between versions: criteria first, then section text', async () => {
    const page = await open('/plans/checkout-redesign/v2/changes/');
    const criteria = await page.locator('.criteria-changes').textContent();
    expect(criteria).toContain('CSAT threshold ≥ 4/5 → ≥ 4.2/5');
    expect(criteria).toContain('latency trigger window for 30 min → for 15 min');
    expect(await page.locator('.section-diff ins').count()).toBeGreaterThan(0);
  });

  run('a plan with results shows the decision and a chart with threshold and window', async () => {
    const page = await open('/plans/partner-api-rate-limits/');
    await expect(page.locator('.evaluation .decision').textContent()).resolves.toContain('Roll back');
    expect(await page.locator('.series-chart svg .threshold').count()).toBeGreaterThan(0);
    expect(await page.locator('.series-chart svg .window rect').count()).toBe(1);
  });

  run('examples list six plans and the flawed gallery shows checker messages', async () => {
    const examples = await open('/examples/');
    expect(await examples.locator('table.plan-list tbody tr').count()).toBe(6);
    const flawed = await open('/examples/flawed/vague-criteria/');
    await expect(flawed.locator('.messages').textContent()).resolves.toContain('quantitative-criterion');
  });

  run('quiz: a right and a wrong answer, each with the explanation', async () => {
    const page = await open('/learn/quiz/');
    const question = page.locator('#artifact-for-limited-release');
    await question.getByLabel('B. Pilot Plan').check();
    await question.getByRole('button', { name: 'Check answer' }).click();
    await expect(question.locator('.feedback').textContent()).resolves.toMatch(/^Right\. A Pilot Plan sets out/);
    // Each verdict is styled: a coloured border and background, green for right, red for wrong.
    const look = () => question.locator('.feedback').evaluate((element) => [getComputedStyle(element).borderInlineStartWidth, getComputedStyle(element).backgroundColor]);
    const right = await look();
    expect(right[0]).toBe('4px');
    expect(right[1]).not.toBe('rgba(0, 0, 0, 0)');
    await question.getByLabel('A. Sprint Backlog').check();
    await question.getByRole('button', { name: 'Check answer' }).click();
    await expect(question.locator('.feedback').textContent()).resolves.toMatch(/^Not quite\. Correct answer: B\. Pilot Plan/);
    const wrong = await look();
    expect(wrong[0]).toBe('4px');
    expect(wrong[1]).not.toBe(right[1]);
    // The question sits inside its box: the legend's top is below the fieldset's top border.
    const [legendTop, boxTop] = await question.evaluate((section) => [section.querySelector('legend'), section.querySelector('fieldset')].map((element) => element?.getBoundingClientRect().top ?? 0));
    expect(legendTop).toBeGreaterThan(boxTop ?? 0);
  });

  run('quiz without JavaScript: the answer and explanation are still there', async () => {
    const page = await open('/learn/quiz/', { javaScript: false });
    const details = page.locator('#artifact-for-limited-release details');
    await details.locator('summary').click();
    await expect(details.textContent()).resolves.toContain('Correct answer: B. Pilot Plan');
  });

  run('search finds a plan by a word from its body', async () => {
    const page = await open('/');
    await page.locator('site-search button[data-open-modal]:not([disabled])').click();
    await page.locator('.pagefind-ui__search-input').fill('reimbursed');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor();
    await expect(result.getAttribute('href')).resolves.toContain('/plans/checkout-redesign/');
    // The latest version is indexed at the plan's own address only, not again at /v2/.
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.filter((href) => href?.includes('/plans/checkout-redesign/v2/'))).toEqual([]);
  });

  run('a search hit for a changes page names the plan it belongs to', async () => {
    const page = await open('/');
    await page.locator('site-search button[data-open-modal]:not([disabled])').click();
    await page.locator('.pagefind-ui__search-input').fill('What changed');
    const hit = page.locator('.pagefind-ui__result-link[href*="/changes/"]').first();
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toBe('What changed in One-page checkout pilot: v1 → v2');
  });

  run('on a phone, each plan card keeps a cell on one row beside its label (the time box with its length)', async () => {
    const page = await open('/plans/', { width: 390 });
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('table.stack-on-phone td[data-label]')].map((cell) => {
        const label = cell.getBoundingClientRect();
        const items = [...cell.childNodes].filter((node) => node.nodeType === 1 || (node.nodeType === 3 && node.textContent?.trim()));
        const tops = items.map((node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          return Math.round(range.getBoundingClientRect().top - label.top);
        });
        return { label: cell.getAttribute('data-label'), items: items.length, firstRowOnly: tops.every((top) => top < 12) };
      }),
    );
    expect(rows.filter((row) => row.items !== 1 || !row.firstRowOnly)).toEqual([]);
    await page.screenshot({ path: `${screenshots}plan-list-time-box-390.png` });
    await page.context().close();
  });

  const pageTypes = {
    home: '/',
    'plan-list': '/plans/',
    plan: '/plans/partner-api-rate-limits/',
    'older-version': '/plans/checkout-redesign/v1/',
    changes: '/plans/checkout-redesign/v2/changes/',
    examples: '/examples/',
    flawed: '/examples/flawed/unsafe-mdx/',
    guide: '/learn/guide/',
    quiz: '/learn/quiz/',
    rule: '/authoring/rules/quantitative-criterion/',
  };

  for (const [name, path] of Object.entries(pageTypes)) {
    run(`${name}: axe finds no serious or critical violation; screenshots at phone and desktop width`, async () => {
      for (const width of [390, 1280]) {
        // axe is the test's own inline script, which the site's CSP rightly refuses.
        const page = await open(path, { width, bypassCSP: true });
        await page.screenshot({ path: `${screenshots}${name}-${width}.png`, fullPage: true });
        // Nothing may be wider than a phone's screen: every table fits without hiding columns in a
        // scrolled box, and the page does not scroll sideways.
        const overflow = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth > window.innerWidth,
          tables: [...document.querySelectorAll('main table')]
            .filter((table) => table.checkVisibility())
            .filter((table) => [table, table.parentElement].some((box) => box && (box.getBoundingClientRect().right > window.innerWidth + 0.5 || box.scrollWidth > box.clientWidth + 1)))
            .map((table) => table.className),
        }));
        expect({ width, ...overflow }).toEqual({ width, page: false, tables: [] });
        if (width === 1280) {
          await page.addScriptTag({ content: axeSource });
          const violations = await page.evaluate(async () => {
            const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run();
            return result.violations
              .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
              .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
          });
          expect(violations).toEqual([]);
        }
        await page.context().close();
      }
    });
  }
});
