import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

async function check(cwd: string, ...args: string[]) {
  let stdout = '';
  const code = await main({ argv: ['check', '--format', 'json', ...args], cwd, logMessage: (text) => (stdout = text), logError: () => {} });
  const files: Array<{ path: string; diagnostics: Array<{ ruleId: string; line: number; message: string; severity: string; url: string; messageId?: string; cause?: unknown[] }> }> =
    JSON.parse(stdout).files;
  return { code, files };
}

describe('duplicate-plan', () => {
  it('reports a second file claiming the same plan id and version', async () => {
    const { code, files } = await check(fileURLToPath(new URL('fixtures/cli/duplicates/', import.meta.url)));
    expect(code).toBe(1);
    expect(files.map((file) => [file.path, file.diagnostics.map((item) => item.ruleId)])).toEqual([
      ['content/examples/saved-carts/v1.mdx', []],
      ['content/plans/saved-carts/v1.mdx', ['duplicate-plan']],
    ]);
    // The first file is the message's cause, not words in its text.
    const [duplicate] = files[1]?.diagnostics ?? [];
    expect(duplicate).toMatchObject({ messageId: 'duplicate', cause: [{ path: 'content/examples/saved-carts/v1.mdx', line: 1, column: 1 }] });
    expect(duplicate?.message).not.toContain('content/examples');
  });

  it('shows the first file under the message, in SARIF as a related location and in the terminal as a line of its own', async () => {
    const cwd = fileURLToPath(new URL('fixtures/cli/duplicates/', import.meta.url));
    const run = async (format: string) => {
      let stdout = '';
      await main({ argv: ['check', '--format', format], cwd, logMessage: (text) => (stdout += text), logError: () => {} });
      return stdout;
    };
    const sarif = JSON.parse(await run('sarif'));
    expect(sarif.runs[0].results[0].relatedLocations).toEqual([
      expect.objectContaining({ id: 0, physicalLocation: { artifactLocation: { uri: 'content/examples/saved-carts/v1.mdx' }, region: { startLine: 1, startColumn: 1 } } }),
    ]);
    expect(await run('pretty')).toContain('↳ content/examples/saved-carts/v1.mdx:1:1  The first file that claims plan `saved-carts` version 1.');
    expect(await run('github')).toContain('%0A↳ content/examples/saved-carts/v1.mdx:1:1');
  });
});

describe('severities from the config', () => {
  it('are honoured for duplicate-plan, and its message links its rule page', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pilotplan-severity-'));
    try {
      cpSync(fileURLToPath(new URL('fixtures/cli/duplicates/', import.meta.url)), cwd, { recursive: true });
      writeFileSync(join(cwd, 'content/pilotplan.config.json'), JSON.stringify({ rules: { 'duplicate-plan': 'warning' } }));
      const { code, files } = await check(cwd);
      expect(code).toBe(0);
      expect(files[1]?.diagnostics).toEqual([expect.objectContaining({ ruleId: 'duplicate-plan', severity: 'warning', url: 'https://pilotplan.github.io/authoring/rules/duplicate-plan/' })]);
      writeFileSync(join(cwd, 'content/pilotplan.config.json'), JSON.stringify({ rules: { 'duplicate-plan': 'off' } }));
      expect((await check(cwd)).files.flatMap((file) => file.diagnostics)).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('approved-immutable with --base', () => {
  const repo = mkdtempSync(join(tmpdir(), 'pilotplan-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const plan = join(repo, 'content/plans/saved-carts/v1.mdx');
  mkdirSync(join(repo, 'content/plans/saved-carts'), { recursive: true });
  cpSync(fileURLToPath(new URL('fixtures/required-section/ok.mdx', import.meta.url)), plan);
  writeFileSync(plan, readFileSync(plan, 'utf8').replace('status: draft', 'status: approved'));
  mkdirSync(join(repo, 'content/plans/returns'), { recursive: true });
  writeFileSync(
    join(repo, 'content/plans/returns/v1.mdx'),
    readFileSync(plan, 'utf8')
      .replace('status: approved', 'status: draft')
      .replace(/^title: .*$/m, 'title: Returns pilot'),
  );
  git('init', '-q');
  git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'empty');
  git('add', '.');
  git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '-m', 'approved plan');

  it('allows a change of status, and reports an edit of anything else at its first changed line', async () => {
    const approved = readFileSync(plan, 'utf8');
    writeFileSync(plan, approved.replace('status: approved', 'status: active'));
    expect((await check(repo, '--base', 'HEAD')).code).toBe(0);
    writeFileSync(plan, approved.replace('- Error rate ≤ 0.5%', '- Error rate ≤ 2%'));
    const { code, files } = await check(repo, '--base', 'HEAD');
    expect(code).toBe(1);
    expect(files.map((file) => [file.path, file.diagnostics.map((item) => [item.ruleId, item.line])])).toEqual([
      ['content/plans/returns/v1.mdx', []],
      ['content/plans/saved-carts/v1.mdx', [['approved-immutable', 33]]],
    ]);
    expect((await check(repo)).code).toBe(0);
    writeFileSync(plan, approved);
  });

  it('leaves drafts editable', async () => {
    const draft = join(repo, 'content/plans/returns/v1.mdx');
    const committed = readFileSync(draft, 'utf8');
    writeFileSync(draft, committed.replace('- Error rate ≤ 0.5%', '- Error rate ≤ 2%'));
    // The edit is seen against the base, so the draft's status there is what lets it pass.
    expect(git('diff', '--name-only', 'HEAD')).toContain('content/plans/returns/v1.mdx');
    const { code, files } = await check(repo, '--base', 'HEAD');
    expect(files.flatMap((file) => file.diagnostics)).toEqual([]);
    expect(code).toBe(0);
    writeFileSync(draft, committed);
  });
});
