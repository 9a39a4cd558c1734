import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../src/model/frontmatter.ts';
import { readSimpleYaml } from '../src/model/simple-yaml.ts';
import { readFullYaml } from '../src/model/yaml-document.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** Every path in some data, for asking both readers where each value and key is. */
function pathsOf(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))];
  return here;
}

/** When the fast reader takes a text, the full parser must give the same data and the same positions. */
function sameAsFull(text: string): boolean {
  const simple = readSimpleYaml(text, 3);
  if (!simple) return false;
  const full = readFullYaml(text, 3);
  expect(full.problems).toEqual([]);
  expect(simple.data).toEqual(full.data);
  for (const path of [...pathsOf(full.data), ['missing'], ['cohort', 'missing']]) {
    expect(simple.locate(path)).toEqual(full.locate(path));
    for (const key of ['title', 'size', 'missing']) expect(simple.locate(path, key)).toEqual(full.locate(path, key));
  }
  return true;
}

const files = ['content', 'test/fixtures'].flatMap((folder) =>
  readdirSync(join(repo, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && (entry.name.endsWith('.mdx') || entry.name.endsWith('.yaml')) && !entry.parentPath.includes('/.tmp'))
    .map((entry) => relative(repo, join(entry.parentPath, entry.name))),
);

describe('the fast frontmatter reader', () => {
  it('reads the frontmatter of almost every plan in the repository, exactly as the YAML parser does', () => {
    const frontmatters = files.filter((file) => file.endsWith('.mdx')).flatMap((file) => splitFrontmatter(readFileSync(join(repo, file), 'utf8'))?.yaml ?? []);
    const taken = frontmatters.filter(sameAsFull).length;
    expect(frontmatters.length).toBeGreaterThan(50);
    expect(taken / frontmatters.length).toBeGreaterThan(0.8);
  });

  it('reads every results file and catalogue in the repository that it takes exactly as the YAML parser does, and takes the results files', () => {
    const yamlFiles = files.filter((file) => file.endsWith('.yaml'));
    const taken = yamlFiles.filter((file) => sameAsFull(readFileSync(join(repo, file), 'utf8')));
    expect(yamlFiles.filter((file) => file.endsWith('results.yaml') && !taken.includes(file))).toEqual([]);
  });

  it('reads a value named like a member of every object as text', () => {
    const simple = readSimpleYaml('title: constructor\nowner: toString\ntags: [valueOf, hasOwnProperty]\n', 1);
    expect(simple?.data).toEqual({ title: 'constructor', owner: 'toString', tags: ['valueOf', 'hasOwnProperty'] });
    expect(sameAsFull('title: constructor\nowner: toString\n')).toBe(true);
  });

  it('reads a week of fetched readings, one line each, as the YAML parser does', () => {
    const readings = Array.from({ length: 2_000 }, (_, minute) => `      - { at: 2026-12-07T00:${String(minute % 60).padStart(2, '0')}:00.000Z, value: ${(minute % 7) / 10} }`);
    const text = [
      '# fetched',
      'version: 1',
      'updated: 2026-12-14T00:00:00.000Z',
      'observations:',
      '  - criterion: error rate',
      '    series:',
      ...readings,
      '  - criterion: P1 defects',
      '    value: 0',
      '',
    ].join('\n');
    expect(sameAsFull(text)).toBe(true);
  });

  it('gives way to the parser on anything outside its subset, and agrees on all it takes', () => {
    const value = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          'x',
          'Saved carts pilot',
          '150',
          '-5',
          '0.5',
          '05',
          '~',
          'null',
          'True',
          'no',
          'yes',
          '2026-12-07',
          '12:30',
          '10 business days',
          'a-b_c',
          '"quoted"',
          "'it''s'",
          '[US-1, US-2]',
          '[]',
          '[a, 1, true]',
          'ok.',
          'Ünïcödé ≤ 0.5%',
          'constructor',
          'toString',
          '__proto__',
          'hasOwnProperty',
        ),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '1e3',
          '0x10',
          '0o7',
          '.inf',
          '.NaN',
          '12345678901234567890',
          'a: b',
          'a #b',
          'a:',
          '"esc\\"ape"',
          '[a,, b]',
          '[a,]',
          '[a, [b]]',
          '{a: 1}',
          '&anchor x',
          '*alias',
          '!tag x',
          '|',
          '>',
          '- item',
          '"',
          "'",
          '@x',
          '`x`',
          '%x',
          '',
        ),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    );
    const keys = fc.uniqueArray(fc.constantFrom('title', 'size', 'cohort', 'stories', 'a-b', 'k_1', 'owner', 'tags', 'start', 'version'), { minLength: 1, maxLength: 5 });
    const colon = fc.constantFrom(': ', ': ', ':  ', ':');
    const entry = (indent: string) => (key: string) =>
      fc.oneof(
        fc.tuple(colon, value).map(([separator, text]) => [`${indent}${key}${separator}${text}`]),
        keys
          .chain((inner) => fc.tuple(...inner.map((name) => fc.tuple(colon, value).map(([separator, text]) => `${indent}  ${name}${separator}${text}`))))
          .map((lines) => [`${indent}${key}:`, ...lines]),
        listOf(indent, key),
      );
    // Lists as results files hold them: scalars, one-line readings, mappings after a dash; at the key's indent or below it.
    const item = fc.oneof(
      value,
      fc.tuple(value, value).map(([at, reading]) => `{ at: ${at}, value: ${reading} }`),
      fc.constantFrom('{}', '{ a: 1 }', '{a: 1, a: 2}', '{ a:1 }', '{ a: 1, }', '{ __proto__: 1 }', '{ a: [b] }', '{ a: "x" }'),
    );
    const listOf = (indent: string, key: string) =>
      fc
        .tuple(
          fc.constantFrom('', '  '),
          fc.array(
            fc.oneof(
              item.map((text) => [`- ${text}`]),
              fc.tuple(value, value).map(([criterion, reading]) => [`- criterion: ${criterion}`, `  value: ${reading}`]),
              fc.tuple(value, fc.array(item, { maxLength: 3 })).map(([criterion, items]) => [`- criterion: ${criterion}`, '  series:', ...items.map((text) => `  - ${text}`)]),
            ),
            { minLength: 1, maxLength: 3 },
          ),
        )
        .map(([deeper, items]) => [`${indent}${key}:`, ...items.flat().map((line) => `${indent}${deeper}${line}`)]);
    const noise = fc.constantFrom(
      '',
      '# comment',
      '  # indented comment',
      '- stray',
      '  - stray',
      '-',
      '--- ',
      '\tkey: x',
      'key: x\r',
      '  stray: 1',
      '__proto__: x',
      '1key: x',
      'title: again',
      'cohort:',
    );
    const document = fc
      .tuple(
        keys.chain((names) => fc.tuple(...names.map(entry('')))),
        fc.array(fc.tuple(fc.nat(), noise), { maxLength: 2 }),
      )
      .map(([entries, noises]) => {
        const lines = entries.flat();
        for (const [at, text] of noises) lines.splice(at % (lines.length + 1), 0, text);
        return lines.join('\n');
      });
    let taken = 0;
    let takenLists = 0;
    fc.assert(
      fc.property(document, (text) => {
        if (sameAsFull(text)) {
          taken++;
          if (/^ *- /m.test(text)) takenLists++;
        }
      }),
      { numRuns: 10_000, seed: 20261125 },
    );
    // Enough of the generated documents fall inside the subset for the comparison to mean something.
    expect(taken).toBeGreaterThan(400);
    expect(takenLists).toBeGreaterThan(100);
  });
});
