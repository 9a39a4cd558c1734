import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { goodPlan, scratchProject } from './lsp-client.ts';

// Neovim from Debian's `neovim` package, headless, with its built-in LSP client. In CI it must be
// there (`.ci/run` installs it), so a missing Neovim fails there rather than skipping.
const NVIM = '/usr/bin/nvim';
const present = existsSync(NVIM);

describe('pilotplan lsp --stdio in Neovim', () => {
  const project = scratchProject();
  afterAll(() => project.remove());

  it.runIf(present || process.env.CI)(
    "shows the same diagnostics as `check` on open, fixes a misspelt key with a code action, shows a typed criterion's reading as a hint, and completes the catalogue's metrics",
    async () => {
      expect(present, `Neovim is missing at ${NVIM}: install Debian's neovim package`).toBe(true);
      const draft = goodPlan.replace('owner: Product Owner, web shop', 'ownr: Product Owner, web shop');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(project.root, project.planPath), draft);
      const out = join(project.root, 'neovim.jsonl');
      const result = spawnSync(NVIM, ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${fileURLToPath(new URL('neovim-session.lua', import.meta.url))}`], {
        env: {
          ...process.env,
          PILOTPLAN_ROOT: project.root,
          PILOTPLAN_PLAN: project.planPath,
          PILOTPLAN_OUT: out,
          PILOTPLAN_NODE: process.execPath,
          PILOTPLAN_SNIPPET: fileURLToPath(new URL('../../editors/neovim/pilotplan.lua', import.meta.url)),
          PILOTPLAN_BIN: fileURLToPath(new URL('../../src/cli/pilotplan-bin.js', import.meta.url)),
        },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status, result.stderr).toBe(0);
      const seen = Object.fromEntries(
        readFileSync(out, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line))
          .map((entry: { kind: string; value: unknown }) => [entry.kind, entry.value]),
      );
      expect(seen.error).toBeUndefined();
      let output = '';
      await main({ argv: ['check', '--format', 'json', '--no-cache', project.planPath], cwd: project.root, logMessage: (text) => (output += text), logError: () => {} });
      const checked = JSON.parse(output).files[0].diagnostics as Array<{ ruleId: string; line: number; column: number }>;
      expect((seen.opened as Array<{ code: string; line: number; column: number }>).map((item) => [item.code, item.line, item.column])).toEqual(
        checked.map((item) => [item.ruleId, item.line, item.column]),
      );
      const lines = draft.split('\n');
      expect(seen.hints).toEqual(expect.arrayContaining([{ line: lines.findIndex((text) => text.startsWith('- Error rate')) + 1, text: ' → error rate ≤ 0.5%' }]));
      expect(seen.fixed).toEqual({ title: 'Replace `ownr` with `owner`', line: 'owner: Product Owner, web shop' });
      const line = draft.split('\n').findIndex((text) => text.startsWith('- P1 defects')) + 2;
      expect(seen.typed).toEqual([{ line, label: '→ checkout latency < 800 ms at p95 over 1 h' }]);
      expect(seen.completed).toEqual(['error rate', 'P1 defects', 'cart load time', 'cart latency']);
    },
  );
});
