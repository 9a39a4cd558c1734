import type { Point, YamlDocument } from './yaml-types.ts';

/** A node of the subset: where it starts, and what it holds. */
type SimpleNode =
  | { kind: 'scalar'; start: number; value: unknown }
  | { kind: 'seq'; start: number; items: SimpleNode[] }
  | { kind: 'map'; start: number; pairs: Map<string, { keyStart: number; node: SimpleNode }> };
type MapNode = Extract<SimpleNode, { kind: 'map' }>;
type SeqNode = Extract<SimpleNode, { kind: 'seq' }>;

// `key: value` or `key:`, from the key on; and `- item`, with the spaces after its dash.
const KEY_AT = /^([A-Za-z_][\w-]*):(?:( +)(.*?))? *$/;
const DASH_LINE = /^( *)-( +)(.*?) *$/;
const FLOW_PAIR = /^( *)([A-Za-z_][\w-]*):( +)(.*?) *$/;
const INDENT = /^ */;
// A full-line comment: the subset has no block scalars or multi-line values, so it is never content.
const BLANK_OR_COMMENT = /^ *(?:#.*)?$/;
const INTEGER = /^[-+]?\d{1,15}$/;
const DECIMAL = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)$/;
const OTHER_NUMBER = /^[-+]?\d+$|^0o[0-7]+$|^0x[\da-fA-F]+$|^[-+]?(?:\.\d+|\d+(?:\.\d*)?)[eE][-+]?\d+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
// A map, not an object: `constructor` or `toString` as a value is text, never a member of Object's prototype.
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);
// Characters that make a value something other than plain text in YAML: quotes, flow, anchors, tags, blocks.
const INDICATOR = /^[[\]{}#&*!|>'"%@`,]|^[-?:](?: |$)/;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A plain scalar as the YAML core schema reads it; undefined when this reader leaves it to the full parser. */
function plainScalar(text: string): { value: unknown } | undefined {
  if (text === '' || INDICATOR.test(text) || text.includes(': ') || text.includes(' #') || text.includes('\t') || text.endsWith(':')) return undefined;
  if (NULLS.has(text)) return { value: null };
  const boolean = BOOLEANS.get(text);
  if (boolean !== undefined) return { value: boolean };
  if (INTEGER.test(text) || DECIMAL.test(text)) return { value: Number(text) };
  // The core schema's other numbers (long integers, octal, hex, exponents, `.inf`, `.nan`): the full parser decides.
  if (OTHER_NUMBER.test(text)) return undefined;
  return { value: text };
}

function scalar(text: string, start: number): SimpleNode | undefined {
  const double = /^"([^"\\]*)"$/.exec(text);
  if (double) return { kind: 'scalar', start, value: double[1] ?? '' };
  const single = /^'((?:[^']|'')*)'$/.exec(text);
  if (single) return { kind: 'scalar', start, value: (single[1] ?? '').replaceAll("''", "'") };
  const plain = plainScalar(text);
  return plain && { kind: 'scalar', start, value: plain.value };
}

/** `[a, b]` on one line, its items plain; undefined for any other flow collection. */
function flowSequence(text: string, start: number): SimpleNode | undefined {
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1);
  if (/[[\]{}"'#]/.test(inner)) return undefined;
  if (inner.trim() === '') return { kind: 'seq', start, items: [] };
  const items: SimpleNode[] = [];
  let at = 1;
  for (const part of inner.split(',')) {
    const item = part.trim();
    const value = plainScalar(item);
    if (!value) return undefined;
    items.push({ kind: 'scalar', start: start + at + part.indexOf(item), value: value.value });
    at += part.length + 1;
  }
  return { kind: 'seq', start, items };
}

/** `{ a: 1, b: x }` on one line, its values plain; undefined for any other flow mapping. */
function flowMapping(text: string, start: number): SimpleNode | undefined {
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  const inner = text.slice(1, -1);
  if (/[[\]{}"'#]/.test(inner)) return undefined;
  const map: MapNode = { kind: 'map', start, pairs: new Map() };
  if (inner.trim() === '') return map;
  let at = 1;
  for (const part of inner.split(',')) {
    const pair = FLOW_PAIR.exec(part);
    const key = pair?.[2] ?? '';
    const value = plainScalar(pair?.[4] ?? '');
    if (!pair || !value || RESERVED_KEYS.has(key) || map.pairs.has(key)) return undefined;
    const keyStart = start + at + (pair[1]?.length ?? 0);
    map.pairs.set(key, { keyStart, node: { kind: 'scalar', start: keyStart + key.length + 1 + (pair[3]?.length ?? 0), value: value.value } });
    at += part.length + 1;
  }
  return map;
}

/** A value written on its key's line or after a dash: a one-line list or mapping, or a scalar. */
function inlineValue(text: string, start: number): SimpleNode | undefined {
  return flowSequence(text, start) ?? flowMapping(text, start) ?? scalar(text, start);
}

function toData(node: SimpleNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toData);
  return Object.fromEntries([...node.pairs].map(([key, pair]) => [key, toData(pair.node)]));
}

/** A `key: value` or `key:` line's parts, wherever it starts (after its indent or after a dash). */
interface KeyLine {
  key: string;
  keyStart: number;
  value: string | undefined;
  valueStart: number;
}

function keyLine(text: string, start: number): KeyLine | undefined {
  const match = KEY_AT.exec(text);
  if (!match || RESERVED_KEYS.has(match[1] ?? '')) return undefined;
  const key = match[1] ?? '';
  return { key, keyStart: start, value: match[3], valueStart: start + key.length + 1 + (match[2]?.length ?? 0) };
}

/**
 * Frontmatter as plans write it (`key: value` lines, nested mappings, one-line `[a, b]` lists, quoted
 * or plain text, numbers, booleans) and results files (lists of mappings, one-line `{ at: …, value: … }`
 * readings, comment lines), read without the full YAML parser, which costs most of a check.
 * Anything outside that subset returns undefined and goes to the full parser, which gives the same
 * data and positions for all that this accepts (a test holds the two to each other).
 */
export function readSimpleYaml(text: string, firstLine: number): YamlDocument | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined;
  const root: MapNode = { kind: 'map', start: -1, pairs: new Map() };
  // Open mappings and lists, innermost last: a mapping with the indent of its keys, a list with its dashes'.
  const open: Array<{ node: MapNode | SeqNode; indent: number }> = [{ node: root, indent: 0 }];
  let pending: { map: MapNode; key: string; keyStart: number; indent: number } | null = null;
  // A key of `map` with its value on the same line, or one that waits for the lines below it.
  const addKey = (map: MapNode, line: KeyLine, indent: number): boolean => {
    if (map.pairs.has(line.key)) return false;
    if (line.value === undefined) {
      pending = { map, key: line.key, keyStart: line.keyStart, indent };
      return true;
    }
    const node = inlineValue(line.value, line.valueStart);
    if (node) map.pairs.set(line.key, { keyStart: line.keyStart, node });
    return node !== undefined;
  };
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lineStarts.push(offset);
    const start = offset;
    offset += line.length + 1;
    if (BLANK_OR_COMMENT.test(line)) continue;
    const dash = DASH_LINE.exec(line);
    const indent = (dash ? dash[1] : INDENT.exec(line)?.[0])?.length ?? 0;
    if (pending) {
      // The first line under `cohort:` makes its value a mapping or a list, and sets that one's indent.
      const { map: parent, key, keyStart, indent: above }: { map: MapNode; key: string; keyStart: number; indent: number } = pending;
      // A list may start at its key's own indent, as people write it by hand.
      if (indent < above || (indent === above && !dash)) return undefined;
      const node: MapNode | SeqNode = dash ? { kind: 'seq', start: start + indent, items: [] } : { kind: 'map', start: start + indent, pairs: new Map() };
      parent.pairs.set(key, { keyStart, node });
      open.push({ node, indent });
      pending = null;
    }
    // A key at a list's indent ends that list: it can only be one written at its own key's indent.
    while ((open.at(-1)?.indent ?? 0) > indent || (!dash && open.at(-1)?.node.kind === 'seq' && open.at(-1)?.indent === indent)) open.pop();
    const level = open.at(-1);
    if (!level || level.indent !== indent) return undefined;
    if (dash) {
      if (level.node.kind !== 'seq') return undefined;
      const itemStart = start + indent + 1 + (dash[2]?.length ?? 0);
      const item = keyLine(dash[3] ?? '', itemStart);
      if (item) {
        // `- criterion: x` opens a mapping whose keys line up after the dash.
        const map: MapNode = { kind: 'map', start: itemStart, pairs: new Map() };
        level.node.items.push(map);
        open.push({ node: map, indent: itemStart - start });
        if (!addKey(map, item, itemStart - start)) return undefined;
        continue;
      }
      const node = inlineValue(dash[3] ?? '', itemStart);
      if (!node) return undefined;
      level.node.items.push(node);
      continue;
    }
    const pair = keyLine(line.slice(indent), start + indent);
    if (!pair || level.node.kind !== 'map') return undefined;
    if (level.node.start < 0) level.node.start = start + indent;
    if (!addKey(level.node, pair, indent)) return undefined;
  }
  if (pending || root.pairs.size === 0) return undefined;
  const toPoint = (at: number): Point => {
    let line = lineStarts.length - 1;
    while (line > 0 && (lineStarts[line] ?? 0) > at) line--;
    return { line: line + firstLine, column: at - (lineStarts[line] ?? 0) + 1 };
  };
  const nodeAt = (path: readonly PropertyKey[]): SimpleNode | undefined => {
    let node: SimpleNode | undefined = root;
    for (const segment of path) {
      if (node?.kind === 'map') node = node.pairs.get(String(segment))?.node;
      else if (node?.kind === 'seq') node = node.items[Number(segment)];
      else return undefined;
    }
    return node;
  };
  const locate = (path: readonly PropertyKey[], key?: string): Point => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = nodeAt(path.slice(0, depth));
      if (!node) continue;
      const pair = key !== undefined && depth === path.length && node.kind === 'map' ? node.pairs.get(key) : undefined;
      return toPoint(pair ? pair.keyStart : node.start);
    }
    return { line: firstLine, column: 1 };
  };
  return { data: toData(root), problems: [], locate };
}
