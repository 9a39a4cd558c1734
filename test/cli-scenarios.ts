import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../src/cli/main.ts';

export const fixtures = fileURLToPath(new URL('fixtures/cli/', import.meta.url));
export const bin = fileURLToPath(new URL('../src/cli/pilotplan-bin.js', import.meta.url));

export interface Scenario {
  name: string;
  /** Folder under test/fixtures/cli/ used as the working folder. */
  fixture: string;
  args: string[];
  exitCode: 0 | 1 | 2;
}

// One row per scenario; each runs in-process and, with `throughBin`, as a child process, and both must agree.
export const scenarios: Scenario[] = [
  { name: 'clean content, default path and format', fixture: 'clean', args: ['check'], exitCode: 0 },
  { name: 'clean content as json', fixture: 'clean', args: ['check', '--format', 'json'], exitCode: 0 },
  { name: 'problems in two plans, pretty', fixture: 'problems', args: ['check'], exitCode: 1 },
  { name: 'problems as json', fixture: 'problems', args: ['check', 'content', '--format', 'json'], exitCode: 1 },
  { name: 'problems as github annotations', fixture: 'problems', args: ['check', '--format', 'github'], exitCode: 1 },
  { name: 'problems as sarif', fixture: 'problems', args: ['check', '--format=sarif'], exitCode: 1 },
  { name: 'one file named explicitly', fixture: 'problems', args: ['check', 'content/plans/saved-carts/v1.mdx'], exitCode: 1 },
  { name: 'warnings only', fixture: 'warnings', args: ['check'], exitCode: 0 },
  { name: 'a plan outside <id>/v<N>.mdx', fixture: 'misplaced', args: ['check', 'notes.mdx'], exitCode: 1 },
  { name: 'readings explained', fixture: 'problems', args: ['check', '--explain'], exitCode: 1 },
  { name: 'readings explained as json', fixture: 'clean', args: ['check', '--explain', '--format', 'json'], exitCode: 0 },
  { name: '--explain with a format that cannot show it', fixture: 'clean', args: ['check', '--explain', '--format', 'github'], exitCode: 2 },
  { name: 'unknown format', fixture: 'clean', args: ['check', '--format', 'xml'], exitCode: 2 },
  { name: 'unknown option', fixture: 'clean', args: ['check', '--fast'], exitCode: 2 },
  { name: 'on one thread', fixture: 'problems', args: ['check', '--concurrency', '1'], exitCode: 1 },
  { name: 'concurrency that is not a count', fixture: 'clean', args: ['check', '--concurrency', '0'], exitCode: 2 },
  { name: 'missing path', fixture: 'clean', args: ['check', 'nowhere'], exitCode: 2 },
  { name: 'invalid config', fixture: 'bad-config', args: ['check'], exitCode: 2 },
  { name: 'unknown command', fixture: 'clean', args: ['lint'], exitCode: 2 },
  { name: 'a folder with no plans', fixture: 'no-plans', args: ['check'], exitCode: 2 },
  { name: 'check --help', fixture: 'clean', args: ['check', '--help'], exitCode: 0 },
  { name: 'evaluate -h', fixture: 'clean', args: ['evaluate', '-h'], exitCode: 0 },
  { name: '--version', fixture: 'clean', args: ['--version'], exitCode: 0 },
  { name: 'no command', fixture: 'clean', args: [], exitCode: 2 },
  { name: 'evaluate: scale, pretty', fixture: 'evaluate', args: ['evaluate', 'plans/carts-scale/v1.mdx'], exitCode: 0 },
  { name: 'evaluate: scale as json', fixture: 'evaluate', args: ['evaluate', 'plans/carts-scale/v1.mdx', '--format', 'json'], exitCode: 0 },
  { name: 'evaluate: scale passes --fail-on iterate', fixture: 'evaluate', args: ['evaluate', 'plans/carts-scale/v1.mdx', '--fail-on', 'iterate'], exitCode: 0 },
  { name: 'evaluate: roll back, markdown', fixture: 'evaluate', args: ['evaluate', 'plans/carts-rollback/v1.mdx', '--format', 'markdown'], exitCode: 0 },
  { name: 'evaluate: roll back fails --fail-on rollback', fixture: 'evaluate', args: ['evaluate', 'plans/carts-rollback/v1.mdx', '--fail-on', 'rollback'], exitCode: 1 },
  { name: 'evaluate: iterate passes --fail-on rollback', fixture: 'evaluate', args: ['evaluate', 'plans/carts-iterate/v1.mdx', '--fail-on', 'rollback'], exitCode: 0 },
  { name: 'evaluate: iterate fails --fail-on iterate', fixture: 'evaluate', args: ['evaluate', 'plans/carts-iterate/v1.mdx', '--fail-on', 'iterate', '--format', 'json'], exitCode: 1 },
  { name: 'evaluate: results from another file', fixture: 'evaluate', args: ['evaluate', 'plans/carts-iterate/v1.mdx', '--results', 'other-results.yaml', '--fail-on', 'iterate'], exitCode: 0 },
  { name: 'evaluate: broken results file', fixture: 'evaluate', args: ['evaluate', 'plans/carts-bad-results/v1.mdx'], exitCode: 2 },
  { name: 'evaluate: results for another version', fixture: 'evaluate', args: ['evaluate', 'plans/carts-versions/v1.mdx'], exitCode: 2 },
  { name: 'evaluate: results for this version', fixture: 'evaluate', args: ['evaluate', 'plans/carts-versions/v2.mdx'], exitCode: 0 },
  { name: 'evaluate: no results file', fixture: 'evaluate', args: ['evaluate', 'plans/carts-no-results/v1.mdx'], exitCode: 2 },
  { name: 'evaluate: a plan with errors', fixture: 'evaluate', args: ['evaluate', 'plans/carts-broken/v1.mdx'], exitCode: 2 },
  { name: 'evaluate: unknown --fail-on', fixture: 'evaluate', args: ['evaluate', 'plans/carts-scale/v1.mdx', '--fail-on', 'never'], exitCode: 2 },
  { name: 'evaluate: no plan', fixture: 'evaluate', args: ['evaluate'], exitCode: 2 },
  { name: 'evaluate: ranges, percentiles, baselines, sequences', fixture: 'evaluate', args: ['evaluate', 'plans/carts-readings/v1.mdx', '--fail-on', 'iterate'], exitCode: 1 },
];

export async function runInProcess(scenario: Scenario) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main({ argv: scenario.args, cwd: fixtures + scenario.fixture, logMessage: (t) => stdout.push(t), logError: (t) => stderr.push(t) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** A scenario's exit code and messages in-process, and with `throughBin` the same from `pilotplan-bin.js` in a child process. */
export async function scenarioHolds(scenario: Scenario, throughBin: boolean): Promise<void> {
  const inProcess = await runInProcess(scenario);
  expect(inProcess.code).toBe(scenario.exitCode);
  if (scenario.exitCode === 2) expect(inProcess.stderr).toMatch(/^(?:pilotplan: |\S+\.yaml:\d+:\d+ )/);
  else expect(inProcess.stderr).toBe('');
  if (!throughBin) return;
  const child = spawnSync(process.execPath, [bin, ...scenario.args], { cwd: fixtures + scenario.fixture, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(child.status).toBe(scenario.exitCode);
  expect(child.stdout.trimEnd()).toBe(inProcess.stdout.trimEnd());
  expect(child.stderr).not.toMatch(/\n\s+at /);
}
