import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusCatalogue } from './corpus-catalogue.ts';
import { generateCorpus } from './generate-corpus.ts';
import { measureShapes } from './hostile-shapes.ts';
import { measureKeystrokes } from './lsp-keystroke.ts';
import { type Measurement, measure } from './measure.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const bin = join(repo, 'src/cli/pilotplan-bin.js');
const astro = join(repo, 'node_modules/astro/bin/astro.mjs');
/** Empties the check caches a corpus run can use: the project's own, and the repository's (older checkers kept it there). */
const clearCaches = (project: string) => {
  for (const root of [project, repo]) rmSync(join(root, 'node_modules/.cache/pilotplan/check.json'), { force: true });
};
// Inside the repository, so the generated sites resolve astro and Starlight from its node_modules.
const work = join(repo, 'bench/.work');
mkdirSync(work, { recursive: true });

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '100,1000,10000' }, builds: { type: 'string', default: '1000' }, against: { type: 'string' }, repeat: { type: 'string', default: '1' } },
});
const sizes = values.sizes.split(',').map(Number);
const buildSizes = new Set(values.builds.split(',').map(Number));

/**
 * The checker as it was at a git reference, checked out beside this one and sharing its node_modules,
 * so a change can be measured against the code before it in the same run.
 */
function checkoutAgainst(ref: string): { bin: string; remove: () => void } {
  const tree = join(work, `against-${ref.replace(/[^\w.-]+/g, '-')}`);
  rmSync(tree, { recursive: true, force: true });
  const added = spawnSync('git', ['worktree', 'add', '--detach', tree, ref], { cwd: repo, encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`git worktree add ${ref} failed: ${added.stderr}`);
  symlinkSync(join(repo, 'node_modules'), join(tree, 'node_modules'));
  return { bin: join(tree, 'src/cli/pilotplan-bin.js'), remove: () => spawnSync('git', ['worktree', 'remove', '--force', tree], { cwd: repo }) };
}

const against = values.against === undefined ? null : checkoutAgainst(values.against);

/** The faster of two cold checks with each checker, taken in turns, so drift on a noisy machine hits both alike. */
function compareCold(dir: string, other: string): { current: Measurement; other: Measurement } {
  const runs = { current: [] as Measurement[], other: [] as Measurement[] };
  for (let round = 0; round < 2; round++) {
    for (const [key, path] of [
      ['current', bin],
      ['other', other],
    ] as const) {
      clearCaches(dir);
      runs[key].push(measure(node, [path, 'check', 'content'], { cwd: dir }));
    }
  }
  const fastest = (list: Measurement[]) => list.reduce((best, run) => (run.seconds < best.seconds ? run : best));
  return { current: fastest(runs.current), other: fastest(runs.other) };
}

/** The real site, with the corpus as its plans. */
function prepareSite(dir: string, corpus: string): string {
  const site = join(dir, 'site');
  for (const part of ['astro.config.mjs', 'src', 'plugins', 'public', 'content']) cpSync(join(repo, part), join(site, part), { recursive: true });
  rmSync(join(site, 'content/plans'), { recursive: true, force: true });
  // The repository's metric catalogue names its own plans; the corpus brings its own.
  cpSync(join(corpus, 'content/metrics.yaml'), join(site, 'content/metrics.yaml'));
  cpSync(join(corpus, 'content/plans'), join(site, 'content/plans'), { recursive: true });
  return site;
}

/** The floor: the same plans as MDX pages in a bare Astro project, no Starlight, no checks. */
function prepareFloor(dir: string, corpus: string): string {
  const floor = join(dir, 'floor');
  mkdirSync(join(floor, 'src/pages/[id]'), { recursive: true });
  cpSync(join(corpus, 'content/plans'), join(floor, 'content/plans'), { recursive: true });
  writeFileSync(join(floor, 'astro.config.mjs'), "import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [mdx()] });\n");
  writeFileSync(
    join(floor, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { plans: defineCollection({ loader: glob({ pattern: '*/v*.mdx', base: './content/plans' }) }) };\n",
  );
  writeFileSync(
    join(floor, 'src/pages/[id]/[version].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('plans')).map((entry) => { const [id, version] = entry.id.split('/'); return { params: { id, version }, props: { entry } }; });\n}\nconst { Content } = await render(Astro.props.entry);\n---\n<html lang=\"en\"><body><Content /></body></html>\n",
  );
  return floor;
}

/**
 * Starlight's own cost: the same plans as plain Starlight docs pages, through the site's unified
 * processor, with a one-link sidebar like the site's, and no plan pages, no checks.
 */
function prepareStarlightFloor(dir: string, corpus: string): string {
  const floor = join(dir, 'starlight-floor');
  mkdirSync(join(floor, 'src/content/docs'), { recursive: true });
  cpSync(join(corpus, 'content/plans'), join(floor, 'src/content/docs/plans'), { recursive: true });
  writeFileSync(
    join(floor, 'astro.config.mjs'),
    "import { unified } from '@astrojs/markdown-remark';\nimport starlight from '@astrojs/starlight';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://example.org', markdown: { processor: unified({ smartypants: false }) }, integrations: [starlight({ title: 'Floor', sidebar: [{ label: 'Plans', link: '/plans/' }] })] });\n",
  );
  writeFileSync(
    join(floor, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  return floor;
}

/** Seconds to parse the corpus once on one thread, measured in a fresh process. */
function parseSeconds(corpus: string, variant: 'plain' | 'remark' | 'satteri'): number {
  const result = spawnSync(node, [join(repo, 'bench/parse-floor.ts'), join(corpus, 'content/plans'), variant], { encoding: 'utf8' });
  return Number(result.stdout.trim());
}

/** The fastest of several runs, with the lowest peak among them; failed if any failed. */
function best(runs: readonly Measurement[]): Measurement {
  const peaks = runs.map((run) => run.peakMb).filter((peak): peak is number => peak !== null);
  return { seconds: Math.min(...runs.map((run) => run.seconds)), peakMb: peaks.length > 0 ? Math.min(...peaks) : null, ok: runs.every((run) => run.ok) };
}

/** Distinct bullets of the corpus, and microseconds to read each once with the criteria grammar. */
function grammarSpeed(corpus: string): { bullets: number; microseconds: number } {
  const [bullets = 0, microseconds = 0] = spawnSync(node, [join(repo, 'bench/grammar-speed.ts'), join(corpus, 'content/plans')], { encoding: 'utf8' })
    .stdout.trim()
    .split(' ')
    .map(Number);
  return { bullets, microseconds };
}

interface Row {
  plans: number;
  files: number;
  /** One thread, plain remark (CommonMark only). */
  parsePlain: number;
  /** One thread, remark as the site build parses: MDX, GFM, frontmatter. The check's targets are ratios to it. */
  parseRemark: number;
  /** One thread, the engine's own front end: Sätteri, with its recovery and checks. */
  parseSatteri: number;
  checkCold: Measurement;
  checkWarm: Measurement;
  /** Each distinct bullet read once by the criteria grammar, on one thread. */
  grammar: { bullets: number; microseconds: number };
  /** With `--against <ref>`: cold checks by this checker and by the one at the reference, in turns. */
  againstCold?: { current: Measurement; other: Measurement };
  buildWithChecks?: Measurement;
  buildWithoutChecks?: Measurement;
  buildFloor?: Measurement;
  buildStarlightFloor?: Measurement;
  /** The site build with a metric catalogue for the corpus, and how many metrics it has. */
  buildWithCatalogue?: Measurement & { metrics: number };
}

const rows: Row[] = [];
for (const size of sizes) {
  const dir = mkdtempSync(join(work, `corpus-${size}-`));
  try {
    const files = generateCorpus(dir, size, repo);
    // As in the repository, a catalogue binds some of the plans' metrics (half), so the check runs
    // `unbound-metric` on the rest and the site exports the bound ones.
    const catalogue = corpusCatalogue(join(dir, 'content/plans'), 0.5);
    writeFileSync(join(dir, 'content/metrics.yaml'), catalogue.yaml);
    clearCaches(dir);
    const checkCold = measure(node, [bin, 'check', 'content'], { cwd: dir });
    const checkWarm = measure(node, [bin, 'check', 'content'], { cwd: dir });
    // A corpus the check refuses measures a build that stops at its pre-check: the figures would be no build's.
    if (!checkCold.ok) throw new Error(`The check refuses the generated corpus of ${size} plans; fix bench/distinct-criteria.ts so that every bullet reads.`);
    const row: Row = {
      plans: size,
      files,
      checkCold,
      checkWarm,
      parsePlain: parseSeconds(dir, 'plain'),
      parseRemark: parseSeconds(dir, 'remark'),
      parseSatteri: parseSeconds(dir, 'satteri'),
      grammar: grammarSpeed(dir),
    };
    if (against) row.againstCold = compareCold(dir, against.bin);
    if (buildSizes.has(size)) {
      const site = prepareSite(dir, dir);
      clearCaches(site);
      const starlightFloor = prepareStarlightFloor(dir, dir);
      // The site and its Starlight floor in turns, `--repeat` times, each keeping its fastest run and its
      // lowest peak: one run of either varies by a tenth here, more than the targets allow.
      const sites: Measurement[] = [];
      const floors: Measurement[] = [];
      for (let round = 0; round < Number(values.repeat); round++) {
        clearCaches(site);
        sites.push(measure(node, [astro, 'build'], { cwd: site }));
        floors.push(measure(node, [astro, 'build'], { cwd: starlightFloor }));
      }
      row.buildWithChecks = best(sites);
      row.buildStarlightFloor = best(floors);
      row.buildWithoutChecks = measure(node, [astro, 'build'], { cwd: site, env: { PILOTPLAN_CHECKS: 'off' } });
      // Once more with a catalogue that binds every metric: each plan page then shows its alerts, and
      // each version has its four export files.
      const full = corpusCatalogue(join(dir, 'content/plans'));
      writeFileSync(join(site, 'content/metrics.yaml'), full.yaml);
      clearCaches(site);
      row.buildWithCatalogue = { ...measure(node, [astro, 'build'], { cwd: site }), metrics: full.metrics };
      writeFileSync(join(site, 'content/metrics.yaml'), catalogue.yaml);
      row.buildFloor = measure(node, [astro, 'build'], { cwd: prepareFloor(dir, dir) });
    }
    rows.push(row);
    process.stderr.write(`measured ${size} plans\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const s = (m?: Measurement) => (m ? `${m.seconds.toFixed(2)} s${m.ok ? '' : ' (failed)'}` : '—');
const mb = (m?: Measurement) => (m?.peakMb == null ? '—' : `${m.peakMb} MB`);
const ratio = (a?: Measurement, b?: Measurement) => (a && b ? (a.seconds / b.seconds).toFixed(2) : '—');
const seconds = (value: number) => ({ seconds: value, peakMb: null, ok: true });
const lines = [
  '| plans (files) | check cold | peak | check warm | remark parse (MDX, GFM, frontmatter), one thread | cold / remark | warm / remark | plain remark | Sätteri front end |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (row) =>
      `| ${row.plans} (${row.files}) | ${s(row.checkCold)} | ${mb(row.checkCold)} | ${s(row.checkWarm)} | ${row.parseRemark.toFixed(2)} s | ×${ratio(row.checkCold, seconds(row.parseRemark))} | ×${ratio(row.checkWarm, seconds(row.parseRemark))} | ${row.parsePlain.toFixed(2)} s | ${row.parseSatteri.toFixed(2)} s |`,
  ),
  '',
  '| plans | site build with checks | without checks | checks cost | bare MDX floor | Starlight floor | build / Starlight floor | build / bare floor | build peak | Starlight floor peak | peak / Starlight floor peak | bare floor peak |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows
    .filter((row) => row.buildWithChecks)
    .map(
      (row) =>
        `| ${row.plans} | ${s(row.buildWithChecks)} | ${s(row.buildWithoutChecks)} | ×${ratio(row.buildWithChecks, row.buildWithoutChecks)} | ${s(row.buildFloor)} | ${s(row.buildStarlightFloor)} | ×${ratio(row.buildWithChecks, row.buildStarlightFloor)} | ×${ratio(row.buildWithChecks, row.buildFloor)} | ${mb(row.buildWithChecks)} | ${mb(row.buildStarlightFloor)} | ×${row.buildWithChecks?.peakMb && row.buildStarlightFloor?.peakMb ? (row.buildWithChecks.peakMb / row.buildStarlightFloor.peakMb).toFixed(2) : '—'} | ${mb(row.buildFloor)} |`,
    ),
];
const base = rows.find((row) => row.plans === 1000);
for (const row of rows) {
  if (base && row.plans > base.plans) lines.push('', `check cold, ${row.plans} plans / 1000 plans: ×${ratio(row.checkCold, base.checkCold)}`);
}
for (const row of rows) {
  lines.push(`criteria grammar, ${row.plans} plans: ${row.grammar.bullets} distinct bullets, ${row.grammar.microseconds} µs each`);
  if (row.buildWithCatalogue)
    lines.push(
      `site build, ${row.plans} plans, with a catalogue of ${row.buildWithCatalogue.metrics} metrics (alerts on each plan page, four export files per version): ${s(row.buildWithCatalogue)}, ${mb(row.buildWithCatalogue)}; ×${ratio(row.buildWithCatalogue, row.buildStarlightFloor)} the Starlight floor`,
    );
  if (row.againstCold)
    lines.push(
      `check cold, ${row.plans} plans, this tree / ${values.against}: ${s(row.againstCold.current)} / ${s(row.againstCold.other)} = ×${ratio(row.againstCold.current, row.againstCold.other)}`,
    );
}
against?.remove();
lines.push('', ...measureShapes(repo, work), '', await measureKeystrokes(repo));
process.stdout.write(`${lines.join('\n')}\n`);
writeFileSync(join(repo, 'bench/results.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
