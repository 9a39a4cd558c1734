import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixtureProject, goodPlan, project } from './attack-helpers.ts';

// Issue 17, item 2: links were followed, and their targets quoted in messages or published.
const SECRET = 'TOKEN=ghp_do-not-print-me';

/** A file outside the project that a link points at. */
function secretFile(): string {
  const outside = project({ 'secret.txt': `${SECRET}\nsecond line\n` });
  return join(outside, 'secret.txt');
}

describe('no link is followed out of the project', () => {
  it('a plan file that is a link is reported at the file and never read', async () => {
    const root = project({ 'content/plans/saved-carts/v1.mdx': goodPlan });
    mkdirSync(join(root, 'content/plans/leak'));
    symlinkSync(secretFile(), join(root, 'content/plans/leak/v1.mdx'));
    const { code, output } = await cli(root, 'check', '--no-cache');
    expect(code).toBe(1);
    expect(output).toContain('content/plans/leak/v1.mdx:1:1  error    Unexpected file that is a symbolic link');
    expect(output).toContain('linked-file');
    expect(output).not.toContain('ghp_');
  });

  it('a link is reported whatever it is named, and a linked folder is not walked', async () => {
    const root = project({ 'content/plans/saved-carts/v1.mdx': goodPlan });
    const outside = project({ 'plans/v1.mdx': goodPlan.replace('Saved carts pilot', SECRET) });
    symlinkSync(join(outside, 'plans'), join(root, 'content/plans/borrowed'));
    symlinkSync(secretFile(), join(root, 'content/notes.md'));
    const { code, output } = await cli(root, 'check', '--no-cache');
    expect(code).toBe(1);
    expect(output).toContain('content/plans/borrowed:1:1');
    expect(output).toContain('content/notes.md:1:1');
    expect(output).not.toContain('ghp_');
  });

  it('a results file that is a link: check reports it, evaluate refuses it, neither quotes it', async () => {
    const root = fixtureProject('cli/evaluate');
    const results = join(root, 'plans/carts-scale/results.yaml');
    const secret = secretFile();
    writeFileSync(results, '');
    const { rmSync } = await import('node:fs');
    rmSync(results);
    symlinkSync(secret, results);
    const checked = await cli(root, 'check', 'plans/carts-scale', '--no-cache');
    expect(checked.code).toBe(1);
    expect(checked.output).toContain('plans/carts-scale/results.yaml:1:1  error    Unexpected file that is a symbolic link');
    expect(checked.output).not.toContain('ghp_');
    const evaluated = await cli(root, 'evaluate', 'plans/carts-scale/v1.mdx');
    expect(evaluated.code).toBe(2);
    expect(evaluated.stderr).toContain('pilotplan: plans/carts-scale/results.yaml: Unexpected file that is a symbolic link');
    expect(evaluated.output).not.toContain('ghp_');
    const named = await cli(root, 'evaluate', 'plans/carts-iterate/v1.mdx', '--results', secret);
    expect(named.code).toBe(2);
    expect(named.output).not.toContain('ghp_');
  });

  it('a config or catalogue that is a link stops the check with exit 2, unquoted', async () => {
    for (const name of ['pilotplan.config.json', 'metrics.yaml']) {
      const root = project({ 'content/plans/saved-carts/v1.mdx': goodPlan });
      symlinkSync(secretFile(), join(root, 'content', name));
      const { code, stderr } = await cli(root, 'check', '--no-cache');
      expect(code).toBe(2);
      expect(stderr).toContain(`pilotplan: content/${name}: Unexpected file that is a symbolic link`);
      expect(stderr).not.toContain('ghp_');
    }
  });

  it('--config on a device or a FIFO is refused at once, and a config that is not JSON is not quoted', async () => {
    const root = project({ 'content/plans/saved-carts/v1.mdx': goodPlan, 'passwd.json': 'root:x:0:0:root:/root:/bin/bash\n' });
    const device = await cli(root, 'check', '--config', '/dev/zero');
    expect(device).toMatchObject({ code: 2, stderr: expect.stringContaining('Unexpected file that is not a regular file') });
    const text = await cli(root, 'check', '--config', 'passwd.json');
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('pilotplan: passwd.json: unreadable JSON.');
    expect(text.stderr).not.toContain('root:x');
  });

  it('new --dir writes only into a folder inside the project', async () => {
    const root = project({ 'content/plans/.keep': '' });
    for (const dir of ['/proc/self', '..', '/tmp']) {
      const { code, stderr } = await cli(root, 'new', 'saved-carts', '--dir', dir);
      expect(code).toBe(2);
      expect(stderr).toContain(`Unexpected --dir \`${dir}\``);
    }
    symlinkSync('/tmp', join(root, 'content/linked'));
    const linked = await cli(root, 'new', 'saved-carts', '--dir', 'content/linked');
    expect(linked).toMatchObject({ code: 2, stderr: expect.stringContaining('is a symbolic link') });
    expect(await cli(root, 'new', 'saved-carts', '--dir', 'content/examples')).toMatchObject({ code: 0 });
    expect(existsSync(join(root, 'content/examples/saved-carts/v1.mdx'))).toBe(true);
  });
});

describe('commands pointed at a file under a linked folder', () => {
  it('export and evaluate refuse a plan whose folder is a link, and quote nothing of it', async () => {
    const outside = project({
      'plans/v1.mdx': goodPlan.replace('Error rate ≤ 0.5%', 'Error rate ≤ 0.5% ghp_outside'),
      'plans/results.yaml': `observations:\n  - criterion: ghp_secret\n    value: 1\n`,
    });
    const root = project({ 'content/plans/saved-carts/v1.mdx': goodPlan, 'content/metrics.yaml': 'prometheus: { address: http://prometheus:9090 }\nmetrics: {}\n' });
    symlinkSync(join(outside, 'plans'), join(root, 'content/plans/evil'));
    for (const argv of [
      ['export', 'content/plans/evil/v1.mdx', '--to', 'prometheus'],
      ['evaluate', 'content/plans/evil/v1.mdx'],
      ['evaluate', 'content/plans/saved-carts/v1.mdx', '--results', 'content/plans/evil/results.yaml'],
    ]) {
      const { code, stderr, output } = await cli(root, ...argv);
      expect(code).toBe(2);
      expect(stderr).toContain('Unexpected file that lies behind a linked folder');
      expect(output).not.toContain('ghp_');
    }
  });
});
