import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it, vi } from 'vitest';
import { checkPlansInBackground } from '../plugins/background-check.ts';
import { type BackgroundCheckInput, checkPlans } from '../plugins/check-plans.ts';
import pilotplan from '../plugins/pilotplan-integration.ts';
import { ConfigSchema } from '../src/schemas/config-schema.ts';
import { removedAfterFile } from './scratch-folders.ts';

const fixture = (path: string) => fileURLToPath(new URL(`fixtures/${path}`, import.meta.url));

/** A project with the given plans (fixture paths by plan id), in a scratch folder. */
function project(name: string, plans: Record<string, string>): string {
  const root = removedAfterFile(fileURLToPath(new URL(`.tmp/background-check-${name}`, import.meta.url)));
  for (const [id, from] of Object.entries(plans)) {
    mkdirSync(join(root, 'content/plans', id), { recursive: true });
    cpSync(fixture(from), join(root, 'content/plans', id, 'v1.mdx'));
  }
  return root;
}

function input(root: string, plans: string[]): BackgroundCheckInput {
  return { plans: plans.map((id) => join(root, 'content/plans', id, 'v1.mdx')), documents: [], config: ConfigSchema().parse({}), root, color: false };
}

describe('the build checking plans on a worker', () => {
  const root = project('worker', { good: 'required-section/ok.mdx', broken: 'rollback-trigger/not-ok.mdx' });
  const given = input(root, ['broken', 'good']);

  it('gives the reports and the output this thread gives', async () => {
    const here = await checkPlans(given);
    expect(here.output).toContain('rollback-trigger');
    expect(here.planReports.map((report) => report.path)).toEqual(['content/plans/broken/v1.mdx', 'content/plans/good/v1.mdx']);
    expect(await checkPlansInBackground(given)).toEqual(here);
  });

  it('checks on this thread when no thread can be made for the check', async () => {
    // A function cannot be handed to a thread, so making the worker throws at once.
    const unsendable = { ...given, config: { ...given.config, onProgress: () => {} } };
    expect(await checkPlansInBackground(unsendable)).toEqual(await checkPlans(given));
  });

  it('checks on this thread when the worker cannot start', async () => {
    const broken = pathToFileURL(join(root, 'no-such-worker.ts'));
    expect(await checkPlansInBackground(given, broken)).toEqual(await checkPlans(given));
  });
});

type Hooks = AstroIntegration['hooks'];
type Setup = NonNullable<Hooks['astro:config:setup']>;
type BuildSetup = NonNullable<Hooks['astro:build:setup']>;

describe('the integration in a build', () => {
  const logger = () => {
    const lines: string[] = [];
    const log = (text: string) => lines.push(text);
    return { lines, logger: { info: log, warn: log, error: log } };
  };
  const setup = (root: string, logged: ReturnType<typeof logger>) => {
    const integration = pilotplan();
    const run = (integration.hooks['astro:config:setup'] as Setup)({
      command: 'build',
      config: { root: pathToFileURL(`${root}/`), outDir: pathToFileURL(`${root}/dist/`) },
      logger: logged.logger,
      updateConfig: () => ({}),
    } as unknown as Parameters<Setup>[0]);
    const buildSetup = () => (integration.hooks['astro:build:setup'] as BuildSetup)({} as Parameters<BuildSetup>[0]);
    return { run, buildSetup };
  };

  it('stops before Vite compiles a page when a plan has an error, however early the check ends', async () => {
    const root = project('integration-broken', { broken: 'rollback-trigger/not-ok.mdx' });
    const logged = logger();
    const { run, buildSetup } = setup(root, logged);
    await run;
    // The check ends (its report logged) before Astro reaches its next hook: the error waits for that hook.
    await vi.waitFor(() => expect(logged.lines).toHaveLength(1), { timeout: 60_000, interval: 20 });
    const error = await Promise.resolve(buildSetup()).then(
      () => null,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toBe('1 error in plans (listed above); nothing was built.');
    expect(error?.stack).toBe('');
    expect(logged.lines.join('\n')).toContain('Missing a quantitative rollback trigger');
  });

  it('goes on when every plan passes, with the report logged once', async () => {
    const root = project('integration-good', { good: 'required-section/ok.mdx' });
    const logged = logger();
    const { run, buildSetup } = setup(root, logged);
    await run;
    await buildSetup();
    expect(logged.lines).toHaveLength(1);
    await buildSetup();
    expect(logged.lines).toHaveLength(1);
  });

  it('stops at once when a page beside the plans breaks a safety rule, with the plans in the same report', async () => {
    const root = project('integration-document', { broken: 'rollback-trigger/not-ok.mdx' });
    writeFileSync(join(root, 'content/notes.mdx'), `${readFileSync(fixture('required-section/ok.mdx'), 'utf8')}\n{process.exit(1)}\n`);
    const logged = logger();
    const error = await Promise.resolve(setup(root, logged).run).then(
      () => null,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toMatch(/^\d+ errors in plans \(listed above\); nothing was built\.$/);
    const output = logged.lines.join('\n');
    expect(output).toContain('content/notes.mdx');
    expect(output).toContain('Missing a quantitative rollback trigger');
  });
});
