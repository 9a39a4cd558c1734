import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { removedAfterFile } from '../scratch-folders.ts';

/** A plan that passes every rule: attacks add to it. */
export const goodPlan = readFileSync(new URL('../fixtures/required-section/ok.mdx', import.meta.url), 'utf8');

/** The good plan with `extra` as the first paragraph of its Scope. */
export const withBody = (extra: string) => goodPlan.replace('## Scope\n', `## Scope\n\n${extra}\n`);

/**
 * A scratch project, as a pull request could leave it: `files` maps paths to text (written) and the
 * project is removed after the test file. Each call gets a folder of its own.
 */
export function project(files: Record<string, string>): string {
  const root = removedAfterFile(mkdtempSync(join(tmpdir(), 'pilotplan-attack-')));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Copies a fixture folder of test/fixtures/ into a scratch project. */
export function fixtureProject(fixture: string): string {
  const root = project({});
  cpSync(new URL(`../fixtures/${fixture}/`, import.meta.url), root, { recursive: true });
  return root;
}

/** Runs the CLI in-process in `cwd`; returns the exit code and what it printed. */
export async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, logMessage: (text) => (stdout += `${text}\n`), logError: (text) => (stderr += `${text}\n`), today: '2026-12-07', now: new Date('2026-12-20T00:00:00Z') });
  return { code, stdout, stderr, output: stdout + stderr };
}
