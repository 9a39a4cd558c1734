import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));
// Inside the repository, so the copied site resolves astro and the plugins from its node_modules.
const scratch = fileURLToPath(new URL('.tmp/', import.meta.url));
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

/** Copies the fixture site with the given plans (fixture file → `<id>/v<N>.mdx`) and builds it. */
function buildSite(name: string, plans: Record<string, string>, env: Record<string, string> = {}) {
  const root = `${scratch}${name}/`;
  built.add(root);
  rmSync(root, { recursive: true, force: true });
  cpSync(`${fixtures}site`, root, { recursive: true });
  for (const [target, source] of Object.entries(plans)) {
    mkdirSync(`${root}content/plans/${target.split('/')[0]}`, { recursive: true });
    cpSync(`${fixtures}${source}`, `${root}content/plans/${target}`);
  }
  return rebuild(root, env);
}

/** Builds an already copied fixture site again. */
function rebuild(root: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [astro, 'build', '--root', root], {
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    timeout: 180_000,
  });
  return { root, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const built = new Set<string>();
// Only this file's sites: other test files keep their own scratch folders under .tmp/ while they run.
afterAll(() => {
  for (const root of built) rmSync(root, { recursive: true, force: true });
});

describe('astro build of a fixture site', () => {
  // One site, built once and then rebuilt by the tests below in turn: a clean build, a repeat, a failed
  // render, a rebuild, a broken link. Each test leaves its sources as it found them or says what it changed.
  const stamp = { PILOTPLAN_FIXTURE_STAMP: 'first' };
  let site = { root: '', status: null as number | null, output: '' };
  beforeAll(() => {
    site = buildSite('shared', { 'saved-carts/v1.mdx': 'required-section/ok.mdx', 'returns/v1.mdx': 'decision-mismatch/ok.mdx' }, stamp);
  });

  it('passes on good plans and renders them', () => {
    expect(site.output).toContain('2 plans and 0 results files checked, no problems');
    expect(site.status).toBe(0);
    const html = readFileSync(`${site.root}dist/saved-carts/v1/index.html`, 'utf8');
    expect(html).toContain('Error rate ≤ 0.5%');
  });

  // One rebuild after a failed one shows both: the failure kept the previous site, and the next build of the
  // same plans writes every page byte for byte as before, with only the stamped index page new.
  it('a build that fails while rendering leaves the previous site in place, and two builds of the same plans are byte-identical', () => {
    const snapshot = () =>
      Object.fromEntries(
        readdirSync(`${site.root}dist`, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => [
            `${entry.parentPath}/${entry.name}`.slice(site.root.length),
            createHash('sha256')
              .update(readFileSync(`${entry.parentPath}/${entry.name}`))
              .digest('hex'),
          ]),
      );
    const before = snapshot();
    const failed = rebuild(site.root, { PILOTPLAN_FIXTURE_BOOM: '1' });
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('This page failed to render on purpose.');
    expect(readFileSync(`${site.root}dist/index.html`, 'utf8')).toContain('built first');
    expect(snapshot()).toEqual(before);
    const second = rebuild(site.root, { PILOTPLAN_FIXTURE_STAMP: 'second' });
    expect(second.status).toBe(0);
    expect(readFileSync(`${site.root}dist/index.html`, 'utf8')).toContain('built second');
    expect(existsSync(`${site.root}dist.staging`)).toBe(false);
    const after = snapshot();
    expect(after['dist/index.html']).not.toBe(before['dist/index.html']);
    expect({ ...after, 'dist/index.html': '' }).toEqual({ ...before, 'dist/index.html': '' });
  });

  // Last of the shared site's tests: it leaves a broken link in the plan.
  it('broken internal links and anchors fail the build and keep the previous site', () => {
    const plan = `${site.root}content/plans/saved-carts/v1.mdx`;
    writeFileSync(
      plan,
      readFileSync(plan, 'utf8').replace('Guest carts are excluded.', 'Guest carts are excluded; see [the runbook](/runbooks/carts/) and [the scope](/saved-carts/v1/#no-such-heading).'),
    );
    const broken = rebuild(site.root);
    expect(broken.status).not.toBe(0);
    expect(broken.output).toContain('/saved-carts/v1/index.html: /runbooks/carts/ (missing page)');
    expect(broken.output).toContain('/saved-carts/v1/index.html: /saved-carts/v1/#no-such-heading (missing anchor)');
    expect(readFileSync(`${site.root}dist/saved-carts/v1/index.html`, 'utf8')).not.toContain('runbook');
  });

  it('fails before building anything, naming every broken plan with positions and rule ids', () => {
    const { root, status, output } = buildSite('broken', {
      'saved-carts/v1.mdx': 'quantitative-criterion/not-ok.mdx',
      'returns/v1.mdx': 'rollback-steps/not-ok.mdx',
    });
    expect(status).not.toBe(0);
    expect(output).toContain('content/plans/saved-carts/v1.mdx:35:1  error    Unexpected exit criterion `Performance is acceptable`');
    expect(output).toContain('quantitative-criterion');
    expect(output).toContain('content/plans/returns/v1.mdx:40:1  error    Missing rollback steps');
    expect(output).toContain('nothing was built');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(existsSync(`${root}dist`)).toBe(false);
  });

  it('the remark plugin alone fails the build with the same message', () => {
    const { status, output } = buildSite('plugin-only', { 'saved-carts/v1.mdx': 'rollback-trigger/not-ok.mdx' }, { PILOTPLAN_PRECHECK: 'off' });
    expect(status).not.toBe(0);
    expect(output).toContain('content/plans/saved-carts/v1.mdx:40:1  error    Missing a quantitative rollback trigger in section `Rollback`');
    expect(output).toContain('rollback-trigger');
  });
});
