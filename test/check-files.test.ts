import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate-corpus.ts';
import { CHECKER_SOURCES } from '../src/engine/check-cache.ts';
import { checkFiles } from '../src/engine/check-files.ts';
import { collectPlanFiles } from '../src/engine/plan-files.ts';
import { ConfigSchema } from '../src/schemas/config-schema.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'pilotplan-corpus-'));
const config = ConfigSchema().parse({});
generateCorpus(root, 300, repo);
const content = join(root, 'content');
const files = collectPlanFiles([content], content, config);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('checking many files', { timeout: 60_000 }, () => {
  it('worker threads give the same reports as the main thread alone', async () => {
    const single = await checkFiles(files, config, root, { cache: false, workers: 0 });
    const parallel = await checkFiles(files, config, root, { cache: false, workers: 2 });
    expect(files.length).toBeGreaterThan(300);
    expect(parallel).toEqual(single);
  });

  it('the cache returns the same reports, and an edited file is checked again', async () => {
    const first = await checkFiles(files, config, root);
    const cached = await checkFiles(files, config, root);
    expect(cached).toEqual(first);
    const edited = files[7] ?? '';
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('## Change Control', '## Notes'));
    const again = await checkFiles(files, config, root);
    const report = again.find((item) => edited.endsWith(item.path));
    expect(report?.diagnostics.map((item) => item.ruleId)).toContain('required-section');
    expect(await checkFiles(files, config, root, { cache: false })).toEqual(again);
  });
});

/** Every local module a file imports, followed to the end. */
function localImports(file: string, seen = new Set<string>()): Set<string> {
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const target = resolve(dirname(file), spec ?? '');
    if (seen.has(target)) continue;
    seen.add(target);
    localImports(target, seen);
  }
  return seen;
}

describe('the cache key', () => {
  it('covers every source the checker runs, so an edit to any of them invalidates the cache', () => {
    const used = [...localImports(join(repo, 'src/engine/plan-job.ts'))].map((file) => relative(repo, file));
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((file) => !CHECKER_SOURCES.some((path) => file === path || file.startsWith(`${path}/`)))).toEqual([]);
  });
});
