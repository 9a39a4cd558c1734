import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { readSimpleYaml } from './simple-yaml.ts';
import { describeYamlError } from './yaml-problem.ts';
import type { Point, YamlDocument, YamlProblem } from './yaml-types.ts';

export type { Point, YamlDocument, YamlProblem } from './yaml-types.ts';

function nodeAt(document: Document, path: readonly PropertyKey[]): YamlNode | null {
  let node: unknown = document.contents;
  for (const segment of path) {
    if (isMap(node)) node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(segment))?.value;
    else if (isSeq(node)) node = node.items[Number(segment)];
    else return null;
  }
  return isScalar(node) || isMap(node) || isSeq(node) ? node : null;
}

/** Parses YAML with the hardened options below, keeping the document for positions or edits. */
export function parseYamlDocument(text: string, lineCounter?: LineCounter): Document {
  return parseDocument(text, { ...(lineCounter ? { lineCounter } : {}), uniqueKeys: true, merge: false, schema: 'core', prettyErrors: false, strict: true });
}

/** How a problem about an alias starts, for the rule that refuses aliases whatever the config says. */
export const ALIAS_PROBLEM = 'Unexpected YAML alias';

/**
 * Reads YAML that arrives by pull request. The core schema keeps dates as strings; aliases, merge keys
 * and duplicate keys are refused, so a hostile document cannot expand or hide a value.
 * `firstLine` is the file line the text starts on, so positions point into the whole file; `example`
 * is a line shown to an author whose YAML is not a mapping at all.
 */
export function readYaml(text: string, firstLine = 1, example = 'title: Saved carts pilot'): YamlDocument {
  return readSimpleYaml(text, firstLine) ?? readFullYaml(text, firstLine, example);
}

/** `readYaml` through the full YAML parser, whatever the text: what the fast reader is held to. */
export function readFullYaml(text: string, firstLine = 1, example = 'title: Saved carts pilot'): YamlDocument {
  const lines = new LineCounter();
  let document: Document;
  try {
    document = parseYamlDocument(text, lines);
  } catch (error) {
    // Nesting deep enough to exhaust the stack is not YAML anyone writes by hand.
    const message =
      error instanceof RangeError ? 'Unexpected nesting too deep to read, expected `key: value` lines a few levels deep. Flatten the value' : error instanceof Error ? error.message : String(error);
    return { data: undefined, problems: [{ line: firstLine, column: 1, message }], locate: () => ({ line: firstLine, column: 1 }) };
  }
  const toPoint = (offset: number): Point => {
    const { line, col } = lines.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: line + firstLine - 1, column: col };
  };
  const start = { line: firstLine, column: 1 };
  // One message per line: a single slip often draws two or three errors from the YAML library.
  const problems: YamlProblem[] = [];
  const add = (offset: number, message: string) => {
    const point = toPoint(offset);
    if (!problems.some((problem) => problem.line === point.line)) problems.push({ ...point, message });
  };
  for (const error of [...document.errors, ...document.warnings]) {
    // A second document is reported at the marker that starts it, not at its first key.
    const marker = error.code === 'MULTIPLE_DOCS' ? /(?:^|\n)(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text.slice(0, error.pos[0] + 1)) : null;
    add(marker ? marker.index + (marker[0].startsWith('\n') ? 1 : 0) : error.pos[0], describeYamlError(error, text));
  }
  // Refused before conversion: aliases could expand a value or hide one, and a list or mapping as a
  // key would be turned into text by the conversion, with a warning printed to the console.
  visit(document, {
    Alias(_, node) {
      add(node.range?.[0] ?? 0, `${ALIAS_PROBLEM} \`*${node.source}\`, expected the value written out. Plans accept no anchors or aliases; repeat the value`);
    },
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        const node = pair.key as YamlNode;
        add(node.range?.[0] ?? 0, 'Unexpected list or mapping used as a key, expected a name such as `title`. Write one `key: value` per line');
      }
    },
  });
  const contents = document.contents;
  if (problems.length === 0 && !isMap(contents)) {
    // The value is not quoted: a file that is not YAML at all may be anything, and this would print it whole.
    const what = contents === null ? 'empty YAML' : isSeq(contents) ? 'list as the whole YAML' : 'single value as the whole YAML';
    add(contents?.range?.[0] ?? 0, `Unexpected ${what}, expected \`key: value\` lines such as \`${example}\``);
  }
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
  return { data, problems, locate };
}
