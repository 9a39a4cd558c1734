import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { removedAfterFile } from '../scratch-folders.ts';

// A real `astro build` of a copy of the fixture site: the remark plugin and the integration as the site
// uses them, without Starlight's weight. Each file's copies are removed after it.
const fixtureSite = fileURLToPath(new URL('../fixtures/site', import.meta.url));
const scratch = fileURLToPath(new URL('../.tmp/', import.meta.url));
const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/** Copies the fixture site with `files` (paths under it → text) and builds it. */
export function build(name: string, files: Record<string, string>, env: Record<string, string> = {}) {
  const root = copySite(name, files);
  return { root, ...rebuild(root, env) };
}

/** Copies the fixture site with `files` (paths under it → text), to change further before building it. */
export function copySite(name: string, files: Record<string, string>): string {
  const root = `${scratch}attack-${name}/`;
  removedAfterFile(root);
  rmSync(root, { recursive: true, force: true });
  cpSync(fixtureSite, root, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(`${root}${path.split('/').slice(0, -1).join('/')}`, { recursive: true });
    writeFileSync(`${root}${path}`, text);
  }
  return root;
}

export function rebuild(root: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [astro, 'build', '--root', root], {
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    // A hang is a failure, not a wait: hostile shapes took over ten minutes before the fix.
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

export const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?\n/;
