import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate-corpus.ts';
import { CHECKER_SOURCES } from '../src/engine/check-cache.ts';
import { checkFiles } from '../src/engine/check-files.ts';
import { checkPlan } from '../src/engine/check-plan.ts';
import { toDiagnostics } from '../src/engine/file-report.ts';
import { collectPlanFiles } from '../src/engine/plan-files.ts';
import { ConfigSchema } from '../src/schemas/config-schema.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'pilotplan-corpus-'));
const config = ConfigSchema().parse({});
generateCorpus(root, 300, repo);
const content = join(root, 'content');
const files = collectPlanFiles([content], content, config);

afterAll(() => rmSync(root, { recursive: true, force: true }));

// One uncached check of the corpus, which the first two tests read.
let uncached: ReturnType<typeof checkFiles> | undefined;
const uncachedReports = () => {
  uncached ??= checkFiles(files, config, root, { cache: false });
  return uncached;
};

describe('checking many files', () => {
  it('the runner gives each file the report a check of that file alone gives', async () => {
    const reports = await uncachedReports();
    expect(files.length).toBeGreaterThan(300);
    for (const [index, file] of files.entries()) {
      if (index % 37 !== 0) continue;
      const alone = checkPlan(readFileSync(file, 'utf8'), relative(root, file), config, null);
      expect(reports.find((report) => file.endsWith(report.path))?.diagnostics).toEqual(toDiagnostics(alone.file.messages));
    }
  });

  // The bench times builds of this corpus: a bullet the check refuses would stop each build at its pre-check.
  it("the bench's generated plans pass the check", async () => {
    const reports = await uncachedReports();
    expect(reports.flatMap((report) => report.diagnostics.filter((item) => item.severity === 'error').map((item) => `${report.path}:${item.line} ${item.message}`))).toEqual([]);
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

describe('the check cache', () => {
  const project = mkdtempSync(join(tmpdir(), 'pilotplan-cache-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const cacheFile = (root: string) => join(root, 'node_modules/.cache/pilotplan/check.json');
  const entries = (root: string) => Object.keys((JSON.parse(readFileSync(cacheFile(root), 'utf8')) as { entries: object }).entries);

  it('lives in the project, keyed by path relative to it, so a copy of the project elsewhere reuses it whole', async () => {
    generateCorpus(project, 20, repo);
    const plans = () => collectPlanFiles([join(project, 'content')], join(project, 'content'), config);
    await checkFiles(plans(), config, project);
    expect(entries(project).every((name) => name.startsWith('content/'))).toBe(true);
    const moved = `${project}-moved`;
    cpSync(project, moved, { recursive: true });
    try {
      const written = statSync(cacheFile(moved)).mtimeMs;
      const files = collectPlanFiles([join(moved, 'content')], join(moved, 'content'), config);
      expect(await checkFiles(files, config, moved)).toEqual(await checkFiles(files, config, moved, { cache: false }));
      // Every file was a hit: the cache had nothing new to write.
      expect(statSync(cacheFile(moved)).mtimeMs).toBe(written);
    } finally {
      rmSync(moved, { recursive: true, force: true });
    }
  });

  it('drops the files that no longer exist', async () => {
    const files = collectPlanFiles([join(project, 'content')], join(project, 'content'), config);
    const gone = files[3] ?? '';
    rmSync(gone);
    await checkFiles(
      files.filter((file) => file !== gone),
      config,
      project,
    );
    expect(entries(project)).not.toContain(relative(project, gone));
    expect(entries(project)).toHaveLength(files.length - 1);
  });
});
