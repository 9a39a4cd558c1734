import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/engine/check-files.ts';
import { ConfigSchema } from '../src/schemas/config-schema.ts';
import { PATHOLOGICAL_SHAPES } from './fixtures/hostile-shapes.ts';

const base = readFileSync(new URL('fixtures/required-section/ok.mdx', import.meta.url), 'utf8');
const root = mkdtempSync(join(tmpdir(), 'pilotplan-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes each source as its own plan and checks them all in one run, as `pilotplan check` would. */
async function check(sources: Record<string, string>, settings: Record<string, unknown> = {}) {
  const config = ConfigSchema().parse(settings);
  const paths = Object.entries(sources).map(([id, source]) => {
    mkdirSync(join(root, id), { recursive: true });
    writeFileSync(join(root, id, 'v1.mdx'), source);
    return join(root, id, 'v1.mdx');
  });
  return { reports: await checkFiles(paths, config, root, { cache: false }) };
}

const withFrontmatter = (yaml: string) => base.replace(/^---\n[\s\S]*?\n---\n/, `---\n${yaml}\n---\n`);
const withBody = (extra: string) => base.replace('## Scope\n', `## Scope\n\n${extra}\n`);

describe('YAML hazards give a frontmatter-schema error, never a crash or a hang', () => {
  const lines = base.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '';
  const hazards: Record<string, string> = {
    'alias-bomb': `${lines}\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]`,
    'merge-key': `${lines.replace('owner: Product Owner, web shop', 'base: &base { owner: Someone }\n<<: *base')}`,
    'deep-nesting': `${lines}\ntags: ${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    'duplicate-key': `${lines}\ntitle: A second title`,
    'timestamp-with-offset': lines.replace('start: 2026-12-07', 'start: 2026-12-07T10:00:00+02:00'),
    'huge-number': lines.replace('size: 150', 'size: 1e400'),
    'not-a-number': lines.replace('size: 150', 'size: .nan'),
    infinity: lines.replace('size: 150', 'size: .inf'),
  };
  it.each(Object.entries(hazards))('%s', async (name, yaml) => {
    const { reports } = await check({ [name]: withFrontmatter(yaml) });
    const rules = reports[0]?.diagnostics.map((item) => item.ruleId) ?? [];
    expect(rules).toContain('frontmatter-schema');
    expect(rules).not.toContain('internal-error');
  });
});

// What each shape costs against a plain plan is measured by `npm run bench`, not here: no test depends on speed.
describe('pathological Markdown is read whole, with valid positions', () => {
  const cases = PATHOLOGICAL_SHAPES;
  it.each(Object.entries(cases))('%s', async (name, extra) => {
    const source = withBody(extra);
    const { reports } = await check({ [name]: source });
    // A crash or a skipped file would be reported at 1:1 and pass the position checks below.
    const rules = reports[0]?.diagnostics.map((item) => item.ruleId) ?? [];
    expect(rules).not.toContain('internal-error');
    expect(rules).not.toContain('file-too-large');
    // Each is read whole within the default time limit, not stopped.
    expect(rules).not.toContain('check-timeout');
    const lineCount = source.split('\n').length;
    for (const item of reports[0]?.diagnostics ?? []) {
      expect(item.line).toBeGreaterThanOrEqual(1);
      expect(item.line).toBeLessThanOrEqual(lineCount + 1);
      expect(item.column).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('limits', () => {
  it('a file over the size cap gets file-too-large and is not parsed', async () => {
    const { reports } = await check({ 'too-large': withBody('x'.repeat(2_000)) }, { maxFileSize: 1_000 });
    expect(reports[0]?.diagnostics.map((item) => item.ruleId)).toEqual(['file-too-large']);
  });

  it('the limits are safety rules: the config cannot lower them, and they link their rule pages', async () => {
    for (const [ruleId, severity] of [
      ['file-too-large', 'warning'],
      ['check-timeout', 'off'],
    ] as const) {
      const parsed = ConfigSchema().safeParse({ rules: { [ruleId]: severity } });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toContain(`for \`${ruleId}\`, a safety rule`);
    }
    const { reports } = await check({ 'too-large-error': withBody('x'.repeat(2_000)) }, { maxFileSize: 1_000, rules: { 'file-too-large': 'error' } });
    expect(reports[0]?.diagnostics).toEqual([expect.objectContaining({ ruleId: 'file-too-large', severity: 'error', url: 'https://pilotplan.github.io/authoring/rules/file-too-large/' })]);
  });

  it('a file over the time limit is stopped and reported, and the others are still checked', async () => {
    // About 0.7 s to check on a quiet machine (near the 4 MB ceiling), against about 2 ms for a plan:
    // a limit of 0.25 s stops only it, a margin of a hundred times for the plans however busy the machine.
    const slow = withBody('line with *emphasis* and [a link](https://example.org)\n'.repeat(70_000));
    const { reports } = await check({ slow, 'fine-1': base, 'fine-2': base.replace('Saved carts pilot', 'Another pilot') }, { timeLimit: 0.25, maxFileSize: 4 * 1024 * 1024 });
    const byId = new Map(reports.map((report) => [report.path.split('/')[0], report.diagnostics.map((item) => item.ruleId)]));
    expect(byId.get('slow')).toEqual(['check-timeout']);
    expect(byId.get('fine-1')).toEqual([]);
    expect(byId.get('fine-2')).toEqual([]);
  });
});
