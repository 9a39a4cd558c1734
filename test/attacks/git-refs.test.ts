import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, goodPlan, project } from './attack-helpers.ts';

// Issue 17, item 3: `--base=--output=FILE` reached `git diff` as an option, and the check went on without
// approved-immutable.
describe('git refs are refs', () => {
  const root = project({ 'content/plans/saved-carts/v1.mdx': goodPlan.replace('status: draft', 'status: approved') });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '-m', 'approved plan');
  const plan = join(root, 'content/plans/saved-carts/v1.mdx');
  writeFileSync(plan, readFileSync(plan, 'utf8').replace('- Error rate ≤ 0.5%', '- Error rate ≤ 5%'));

  it.each(['--output=written-by-git.txt', '-p', '--no-index', 'no-such-branch', 'HEAD:content', ''])('--base %j is a usage error in one sentence, and git writes nothing', async (base) => {
    const { code, stdout, stderr } = await cli(root, 'check', '--no-cache', `--base=${base}`);
    expect(code).toBe(2);
    expect(stderr).toBe(`pilotplan: Unknown --base \`${base}\`: it names no commit in this repository. Pass a branch, tag or commit, such as \`origin/main\`.\n`);
    expect(stdout).toBe('');
    expect(existsSync(join(root, 'written-by-git.txt'))).toBe(false);
  });

  it('a real ref still finds the edit to the approved plan', async () => {
    const { code, output } = await cli(root, 'check', '--no-cache', '--base', 'HEAD');
    expect(code).toBe(1);
    expect(output).toContain('approved-immutable');
  });

  it('--base outside a repository is a sentence, not an internal error', async () => {
    const { code, stderr } = await cli(project({ 'content/plans/saved-carts/v1.mdx': goodPlan }), 'check', '--no-cache', '--base', 'HEAD');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^pilotplan: --base needs a git repository/);
    expect(stderr).not.toContain('internal error');
  });
});
