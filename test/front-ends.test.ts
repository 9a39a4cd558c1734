import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tests as specExamples } from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/schemas/config-schema.ts';
import { differenceOf } from './fuzz/front-ends.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const config = ConfigSchema().parse({});

const mdxUnder = (folder: string) =>
  readdirSync(join(repo, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx') && !entry.parentPath.includes('/.tmp'))
    .map((entry) => relative(repo, join(entry.parentPath, entry.name)));

const files = [...mdxUnder('content'), ...mdxUnder('test/fixtures')];
// A complete plan, to carry each CommonMark example in its Scope section.
const complete = readFileSync(join(repo, 'test/fixtures/required-section/ok.mdx'), 'utf8');

describe('the engine parses as the build does', () => {
  it('reads every plan, example, flawed plan and fixture', () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it.each(files)('%s', (file) => {
    expect(differenceOf(readFileSync(join(repo, file), 'utf8'), 'content/plans/front-ends/v1.mdx', config)).toBeNull();
  });

  it.each(specExamples.map((test) => [test.number, test.section, test.markdown] as const))('CommonMark example %i (%s) inside a plan', (_, __, markdown) => {
    expect(differenceOf(complete.replace('## Scope\n', `## Scope\n\n${markdown}\n`), 'content/plans/front-ends/v1.mdx', config)).toBeNull();
  });
});
