import type { Point, YamlDocument } from './yaml-types.ts';

/** A node of the subset: where it starts, and what it holds. */
type SimpleNode =
  | { kind: 'scalar'; start: number; value: unknown }
  | { kind: 'seq'; start: number; items: SimpleNode[] }
  | { kind: 'map'; start: number; pairs: Map<string, { keyStart: number; node: SimpleNode }> };

const KEY_LINE = /^( *)([A-Za-z_][\w-]*):(?: +(.*?))? *$/;
const INTEGER = /^[-+]?\d{1,15}$/;
const DECIMAL = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)$/;
const OTHER_NUMBER = /^[-+]?\d+$|^0o[0-7]+$|^0x[\da-fA-F]+$|^[-+]?(?:\.\d+|\d+(?:\.\d*)?)[eE][-+]?\d+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };
// Characters that make a value something other than plain text in YAML: quotes, flow, anchors, tags, blocks.
const INDICATOR = /^[[\]{}#&*!|>'"%@`,]|^[-?:](?: |$)/;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A plain scalar as the YAML core schema reads it; undefined when this reader leaves it to the full parser. */
function plainScalar(text: string): { value: unknown } | undefined {
  if (text === '' || INDICATOR.test(text) || text.includes(': ') || text.includes(' #') || text.includes('\t') || text.endsWith(':')) return undefined;
  if (NULLS.has(text)) return { value: null };
  if (text in BOOLEANS) return { value: BOOLEANS[text] };
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

function toData(node: SimpleNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toData);
  return Object.fromEntries([...node.pairs].map(([key, pair]) => [key, toData(pair.node)]));
}

/**
 * Frontmatter as plans write it (`key: value` lines, nested mappings, one-line `[a, b]` lists, quoted
 * or plain text, numbers, booleans), read without the full YAML parser, which costs most of a check.
 * Anything outside that subset returns undefined and goes to the full parser, which gives the same
 * data and positions for all that this accepts (a test holds the two to each other).
 */
export function readSimpleYaml(text: string, firstLine: number): YamlDocument | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined;
  const root: SimpleNode = { kind: 'map', start: -1, pairs: new Map() };
  // Open mappings, innermost last, each with the indent of its keys.
  const open: Array<{ map: Extract<SimpleNode, { kind: 'map' }>; indent: number }> = [{ map: root, indent: 0 }];
  let pending: { map: Extract<SimpleNode, { kind: 'map' }>; key: string; keyStart: number; indent: number } | null = null;
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lineStarts.push(offset);
    const start = offset;
    offset += line.length + 1;
    if (line.trim() === '') continue;
    const match = KEY_LINE.exec(line);
    if (!match) return undefined;
    const indent = match[1]?.length ?? 0;
    const key = match[2] ?? '';
    const value = match[3];
    if (RESERVED_KEYS.has(key)) return undefined;
    if (pending) {
      // The first key under `cohort:` sets the indent of that mapping.
      if (indent <= pending.indent) return undefined;
      const map: Extract<SimpleNode, { kind: 'map' }> = { kind: 'map', start: start + indent, pairs: new Map() };
      pending.map.pairs.set(pending.key, { keyStart: pending.keyStart, node: map });
      open.push({ map, indent });
      pending = null;
    }
    while ((open.at(-1)?.indent ?? 0) > indent) open.pop();
    const level = open.at(-1);
    if (!level || level.indent !== indent || level.map.pairs.has(key)) return undefined;
    if (level.map.start < 0) level.map.start = start + indent;
    const keyStart = start + indent;
    if (value === undefined) {
      pending = { map: level.map, key, keyStart, indent };
      continue;
    }
    const valueStart = keyStart + key.length + 1 + (line.slice(indent + key.length + 1).length - line.slice(indent + key.length + 1).trimStart().length);
    const node = flowSequence(value, valueStart) ?? scalar(value, valueStart);
    if (!node) return undefined;
    level.map.pairs.set(key, { keyStart, node });
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
