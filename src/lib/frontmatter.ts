import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';

export interface Point {
  line: number;
  column: number;
}

export interface FrontmatterProblem extends Point {
  message: string;
}

export interface Frontmatter {
  /** The parsed YAML, or `undefined` when it could not be read. */
  data: unknown;
  /** Where the frontmatter fence starts, for messages about the block as a whole. */
  start: Point;
  /** YAML syntax problems, already positioned in the plan file. */
  problems: FrontmatterProblem[];
  /** The position in the plan file of the value (or, with `key`, the key) at a path. */
  locate: (path: readonly PropertyKey[], key?: string) => Point;
}

const FENCE = /^---[ \t]*\r?\n/;
const CLOSE = /\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits off the YAML block at the top of a plan file; `null` when the file has none. */
export function splitFrontmatter(source: string): { yaml: string; offset: number; end: number } | null {
  const open = FENCE.exec(source);
  if (!open) return null;
  const rest = source.slice(open[0].length);
  if (/^---[ \t]*(?:\r?\n|$)/.test(rest)) return { yaml: '', offset: open[0].length, end: open[0].length + rest.indexOf('\n') + 1 };
  const close = CLOSE.exec(rest);
  if (!close) return null;
  return { yaml: rest.slice(0, close.index), offset: open[0].length, end: open[0].length + close.index + close[0].length };
}

function nodeAt(document: Document, path: readonly PropertyKey[]): YamlNode | null {
  let node: unknown = document.contents;
  for (const segment of path) {
    if (isMap(node)) node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(segment))?.value;
    else if (isSeq(node)) node = node.items[Number(segment)];
    else return null;
  }
  return isScalar(node) || isMap(node) || isSeq(node) ? node : null;
}

/**
 * Reads the frontmatter of a plan file. YAML's core schema keeps dates as strings; aliases, merge keys
 * and duplicate keys are refused, so a hostile block cannot expand or hide a value.
 */
export function readFrontmatter(source: string): Frontmatter | null {
  const block = splitFrontmatter(source);
  if (!block) return null;
  const lines = new LineCounter();
  const document = parseDocument(block.yaml, {
    lineCounter: lines,
    uniqueKeys: true,
    merge: false,
    schema: 'core',
    prettyErrors: false,
    strict: true,
  });
  const firstLine = source.slice(0, block.offset).split('\n').length;
  const toPoint = (offset: number): Point => {
    const { line, col } = lines.linePos(Math.max(0, Math.min(offset, block.yaml.length)));
    return { line: line + firstLine - 1, column: col };
  };
  const start = { line: 1, column: 1 };
  const problems: FrontmatterProblem[] = [...document.errors, ...document.warnings].map((error) => ({
    ...toPoint(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: 0 });
    } catch (error) {
      problems.push({ ...start, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const locate = (path: readonly PropertyKey[], key?: string): Point => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = nodeAt(document, path.slice(0, depth));
      if (!node) continue;
      if (key !== undefined && depth === path.length && isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) return toPoint(pair.key.range[0]);
      }
      if (node.range) return toPoint(node.range[0]);
    }
    return start;
  };
  return { data, start, problems, locate };
}
