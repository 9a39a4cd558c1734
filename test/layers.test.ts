import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));

// The layers, lowest first: a file may import its own layer and the ones below, never one above or beside.
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['src/schemas'],
  ['src/criteria'],
  ['src/model'],
  ['src/parse', 'src/evaluate', 'src/export'],
  ['src/engine'],
  ['src/lsp'],
  ['src/cli', 'plugins', 'src/site'],
  ['src/components'],
  ['src/pages', 'src/content.config.ts', 'astro.config.mjs'],
];

const SOURCE = /\.(?:ts|js|mjs|astro)$/;

function sourcesUnder(path: string): string[] {
  const full = join(repo, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The part of the tree a file belongs to, and that part's layer. */
function placeOf(file: string): { part: string; layer: number } | null {
  const path = relative(repo, file);
  for (const [layer, parts] of LAYERS.entries()) {
    const part = parts.find((each) => path === each || path.startsWith(`${each}/`));
    if (part) return { part, layer };
  }
  return null;
}

// Static and dynamic imports, and files a module locates itself (`new URL('./check-worker.ts', import.meta.url)`).
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)['"](\.{1,2}\/[^'"]+\.(?:ts|js|mjs|astro))['"]/g;

const files = LAYERS.flat().flatMap(sourcesUnder);
const edges = new Map(files.map((file) => [file, [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => resolve(dirname(file), match[1] ?? ''))]));

describe('the import graph', () => {
  it('reads every part of the tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect([...edges.values()].flat().length).toBeGreaterThan(200);
  });

  it('points one way: no import from a layer to one above it or beside it', () => {
    const wrong: string[] = [];
    for (const [file, targets] of edges) {
      const from = placeOf(file);
      for (const target of targets) {
        const to = placeOf(target);
        if (!from || !to) continue;
        if (to.layer > from.layer || (to.layer === from.layer && to.part !== from.part)) wrong.push(`${relative(repo, file)} → ${relative(repo, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const walk = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((each) => relative(repo, each)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of edges.get(file) ?? []) walk(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) walk(file, []);
    expect(cycles).toEqual([]);
  });
});
