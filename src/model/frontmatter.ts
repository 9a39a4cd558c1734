import { type Point, readYaml, type YamlDocument } from './yaml-document.ts';

export type { Point };
/** A plan's frontmatter: the YAML document, positioned in the plan file. */
export type Frontmatter = YamlDocument;

const FENCE = /^---[ \t]*\r?\n/;
const CLOSE = /\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits off the YAML block at the top of a plan file; `null` when the file has none. */
export function splitFrontmatter(source: string): { yaml: string; offset: number } | null {
  const open = FENCE.exec(source);
  if (!open) return null;
  const rest = source.slice(open[0].length);
  if (/^---[ \t]*(?:\r?\n|$)/.test(rest)) return { yaml: '', offset: open[0].length };
  const close = CLOSE.exec(rest);
  if (!close) return null;
  return { yaml: rest.slice(0, close.index), offset: open[0].length };
}

/** Reads the frontmatter of a plan file, positioned in the file; `null` when there is none. */
export function readFrontmatter(source: string): Frontmatter | null {
  const block = splitFrontmatter(source);
  if (!block) return null;
  const firstLine = source.slice(0, block.offset).split('\n').length;
  return readYaml(block.yaml, firstLine);
}

/** Calls `visit` with every string in parsed frontmatter and the path to it, for rules that read all text. */
export function forEachString(value: unknown, visit: (text: string, path: PropertyKey[]) => void, path: PropertyKey[] = []): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value))
    value.forEach((item, index) => {
      forEachString(item, visit, [...path, index]);
    });
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) forEachString(item, visit, [...path, key]);
  }
}
