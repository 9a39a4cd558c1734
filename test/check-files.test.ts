import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate-corpus.ts';
import { checkFiles } from '../src/cli/check-files.ts';
import { collectPlanFiles } from '../src/lib/plan-files.ts';
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
