import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository, so the copied site resolves astro and Starlight from its node_modules.
const site = fileURLToPath(new URL('.tmp/dev-site/', import.meta.url));
let server: ChildProcess | undefined;
let base = '';
let log = '';

/** Breaks a plan of the copied site by replacing one piece of its text. */
function breakPlan(path: string, from: string, to: string): void {
  const source = readFileSync(`${site}${path}`, 'utf8');
  if (!source.includes(from)) throw new Error(`${path} has no ${from}`);
  writeFileSync(`${site}${path}`, source.replace(from, to));
}

beforeAll(async () => {
  rmSync(site, { recursive: true, force: true });
  for (const part of ['astro.config.mjs', 'src', 'plugins', 'public', 'content']) cpSync(`${repo}${part}`, `${site}${part}`, { recursive: true });
  breakPlan('content/plans/mobile-offline-notes/v1.mdx', 'status: active', 'status: actve');
  breakPlan('content/plans/checkout-redesign/v2.mdx', '- Error rate ≤ 0.5%', '- Error rate <0.5%');
  breakPlan('content/plans/partner-api-rate-limits/v1.mdx', 'owner: Lena Vogel (Product Owner)', 'owner: Lena Vogel: Product Owner');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [`${repo}node_modules/astro/bin/astro.mjs`, 'dev', '--root', site, '--host', '127.0.0.1', '--port', String(port)], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (server.exitCode !== null) throw new Error(`astro dev stopped:\n${log}`);
    if (
      await fetch(base).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`astro dev did not start:\n${log}`);
});

afterAll(() => {
  server?.kill();
  rmSync(site, { recursive: true, force: true });
});

const page = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
};

describe('astro dev with broken plans', () => {
  it('keeps serving every other page, and lists the broken plans on the plans page', async () => {
    for (const path of ['/', '/plans/', '/examples/', '/examples/crm-migration/', '/plans.json', '/learn/quiz/']) expect({ path, status: (await page(path)).status }).toEqual({ path, status: 200 });
    const list = (await page('/plans/')).text;
    expect(list).toContain('3 plans do not pass the check');
    for (const title of ['Offline field notes in the mobile app', 'One-page checkout pilot', 'partner-api-rate-limits']) expect(list).toContain(title);
  });

  it('serves the export files a plan page links to, as a build writes them', async () => {
    const rules = await page('/examples/webhooks-v2/v2/prometheus-rules.yaml');
    expect(rules.status).toBe(200);
    expect(rules.text).toContain('alert: PilotplanRollbackDeliveryFailures');
    expect((await page('/examples/webhooks-v2/')).text).toContain('href="/examples/webhooks-v2/v2/flagger.yaml"');
  });

  it('shows a broken plan as the checker reports it, with no MDX or internal error', async () => {
    const syntax = await page('/plans/checkout-redesign/');
    expect(syntax.status).toBe(200);
    expect(syntax.text).toContain('content/plans/checkout-redesign/v2.mdx:47:14');
    expect(syntax.text).toContain('mdx-syntax');
    const typo = await page('/plans/mobile-offline-notes/');
    expect(typo.status).toBe(200);
    expect(typo.text).toContain('Unexpected `actve` for `status`');
    const yaml = await page('/plans/partner-api-rate-limits/');
    expect(yaml.text).toContain('a colon followed by a space starts a new key');
    expect(log).not.toMatch(/InvalidContentEntryDataError|js-yaml|MDXError/);
  });

  it('keeps each caret of the report under its column on a narrow screen: the report scrolls, it does not wrap', async () => {
    const { text } = await page('/plans/checkout-redesign/');
    expect(text).toMatch(/<pre class="report[^"]*"[^>]*tabindex="0"/);
    // The component's scoped rule, as dev serves it: `.report:where(.astro-…) { … }`.
    const rule = /\.report:where\([^)]*\)\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
    expect(rule).toMatch(/white-space:\s*pre;/);
    expect(rule).toMatch(/overflow-x:\s*auto/);
  });
});
