import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchProject, startSession } from './lsp-client.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository (test/.tmp is ignored), so the bundler finds vscode-languageclient in its node_modules.
mkdirSync(join(repo, 'test/.tmp'), { recursive: true });
const scratch = mkdtempSync(join(repo, 'test/.tmp/vsix-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the VS Code extension', () => {
  it('packages to a .vsix with its bundled client, as npm run package:vscode does, whose server command the server accepts', async () => {
    // The same two steps as the script, in a copy, so the test leaves the tree as it was.
    const folder = join(scratch, 'vscode');
    cpSync(join(repo, 'editors/vscode'), folder, { recursive: true, filter: (path) => !path.endsWith('.vsix') && !path.includes('/dist') });
    const script = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts['package:vscode'] as string;
    expect(script).toContain('esbuild editors/vscode/extension.ts --bundle');
    const bundle = spawnSync(
      join(repo, 'node_modules/.bin/esbuild'),
      [join(folder, 'extension.ts'), '--bundle', '--platform=node', '--format=cjs', '--external:vscode', '--log-level=warning', `--outfile=${join(folder, 'dist/extension.js')}`],
      { encoding: 'utf8' },
    );
    expect(bundle.status, bundle.stderr).toBe(0);
    const pack = spawnSync(
      process.execPath,
      [join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', 'pilotplan.vsix'],
      { cwd: folder, encoding: 'utf8', input: '' },
    );
    expect(pack.status, `${pack.stdout}\n${pack.stderr}`).toBe(0);
    const vsix = readFileSync(join(folder, 'pilotplan.vsix'));
    for (const name of ['extension/package.json', 'extension/dist/extension.js', 'extension/readme.md']) expect(vsix.includes(name)).toBe(true);
    expect(vsix.includes('extension/extension.ts')).toBe(false);
    // The client starts the project's own server, as the README says.
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    expect(manifest.contributes.configuration.properties['pilotplan.command'].default).toEqual(['npx', '--no', 'pilotplan', 'lsp', '--stdio']);
    expect(readFileSync(join(folder, 'dist/extension.js'), 'utf8')).toContain('vscode-languageclient');
    expect(existsSync(join(folder, 'dist/extension.js'))).toBe(true);

    // Activated (with a stand-in for VS Code), the client spawns a command line the server accepts.
    const activated = spawnSync(process.execPath, [fileURLToPath(new URL('vscode-stub.cjs', import.meta.url)), join(folder, 'dist/extension.js')], { encoding: 'utf8', cwd: folder });
    const spawned = JSON.parse(activated.stdout.trim()) as { command: string; args: string[] };
    expect(spawned).toEqual({ command: 'npx', args: ['--no', 'pilotplan', 'lsp', '--stdio'] });
    const project = scratchProject();
    const session = await startSession(project.root, spawned.args.slice(2));
    expect(session.serverName).toBe('pilotplan');
    await session.close();
    project.remove();
  });
});
