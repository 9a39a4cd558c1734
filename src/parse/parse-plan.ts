import { Parser } from 'acorn';
import type { Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { lessThanKind, type SyntaxProblem } from '../model/syntax-problem.ts';
import { treeNodes } from '../model/tree-nodes.ts';
import { blankFrontmatter } from './blank-frontmatter.ts';
import { prescan, type StandIns, standInsFor } from './mdx-prescan.ts';
import { findUnclosedFence } from './unclosed-fence.ts';

// Sätteri's messages: "35:14: Unexpected character after `<` … (mdx-jsx:unexpected-character)".
const SATTERI_ERROR = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/;
// A character that can start a JSX name or closing tag, or close a fragment: after `<`, MDX reads a tag.
const TAG_START = /[\p{ID_Start}$_/>]/u;
// Sätteri's cost grows with the square of the character references in one paragraph: no plan has thousands.
const MAX_REFERENCES = 5_000;
const REFERENCE = /&(?:#\d+|#[xX][\da-fA-F]+|[A-Za-z][\dA-Za-z]*);/g;
// The exact fallback takes one parse per bare `<`; past this many, the file is refused instead.
const MAX_RECOVERIES = 200;

/** A plan's text as a tree, its nodes in document order, and what could not be read as written. */
export interface ParsedText {
  tree: Root;
  nodes: readonly Nodes[];
  syntaxProblems: SyntaxProblem[];
}

interface Located {
  line: number;
  column: number;
  reason: string;
}

/** Line start offsets, to turn a parser's line and column into an offset in the text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function located(error: unknown): Located | null {
  if (!(error instanceof Error)) return null;
  const match = SATTERI_ERROR.exec(error.message);
  return match ? { line: Number(match[1]), column: Number(match[2]), reason: match[3] ?? error.message } : null;
}

/** A bare `<` at `offset`: MDX cannot read a tag after it, so it is text the author meant. */
function bareLessThan(text: string, offset: number): boolean {
  return text.charAt(offset) === '<' && !TAG_START.test(text.charAt(offset + 1));
}

/**
 * The offsets of every bare `<` in the text's prose, from one Markdown parse (which never fails on
 * them): in text, and at the start of HTML that MDX has no place for (`<!-- … -->`, `<!DOCTYPE>`).
 */
function bareLessThans(text: string, features: { frontmatter: boolean }): number[] {
  const offsets: number[] = [];
  for (const node of treeNodes(markdownToMdast(text, { features }) as Root)) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    if (node.type === 'html' && bareLessThan(text, start)) offsets.push(start);
    if (node.type !== 'text') continue;
    for (let at = text.indexOf('<', start); at !== -1 && at < end; at = text.indexOf('<', at + 1)) {
      if (bareLessThan(text, at) && !escaped(text, at)) offsets.push(at);
    }
  }
  return offsets;
}

function escaped(text: string, offset: number): boolean {
  let slashes = 0;
  while (text.charAt(offset - 1 - slashes) === '\\') slashes++;
  return slashes % 2 === 1;
}

const replaceAt = (text: string, offsets: readonly number[], standIns: StandIns) => {
  const characters = text.split('');
  for (const offset of offsets) characters[offset] = standIns.for['<'] ?? '<';
  return characters.join('');
};

/** Reads JavaScript as MDX reads it; null when it reads, else where it fails in `code` and why. */
function scriptError(code: string): { at: number; reason: string } | null {
  try {
    Parser.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
    return null;
  } catch (error) {
    const at = error && typeof error === 'object' && 'pos' in error && typeof error.pos === 'number' ? error.pos : 0;
    return { at, reason: `Could not read the JavaScript: ${error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : String(error)}` };
  }
}

/**
 * Code Sätteri accepts without reading it, which the build reads and refuses when it is not JavaScript:
 * imports and exports (read together, as one module, so a name declared twice fails too) and spread
 * attributes.
 */
function badScript(nodes: readonly Nodes[]): Located | null {
  const modules: Array<{ start: number; node: Nodes }> = [];
  let program = '';
  for (const node of nodes) {
    if (node.type === 'mdxjsEsm') {
      modules.push({ start: program.length, node });
      program += `${node.value}\n`;
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.position) {
      for (const attribute of node.attributes) {
        const failure = attribute.type === 'mdxJsxExpressionAttribute' ? scriptError(`({${attribute.value}});`) : null;
        if (failure) return { line: node.position.start.line, column: node.position.start.column, reason: failure.reason };
      }
    }
  }
  const failure = program ? scriptError(program) : null;
  if (!failure) return null;
  const start = modules.findLast((module) => module.start <= failure.at)?.node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1, reason: failure.reason };
}

/** Puts the author's characters back where stand-ins made a parser read text. */
function restore(nodes: readonly Nodes[], standIns: StandIns): void {
  for (const node of nodes) {
    if ('value' in node && typeof node.value === 'string') node.value = node.value.replace(standIns.pattern, (character) => standIns.back[character] ?? character);
  }
}

/**
 * Parses a plan's MDX with Sätteri, Astro's own native parser. A bare `<` (as in `error rate <= 0.5%`),
 * an HTML comment and a prose line starting with `import` are reported and read as text, so the rest
 * of the file is still checked; any other syntax error leaves the body unread. Recovery costs one
 * Markdown parse and one more MDX parse however many `<` there are, so it stays linear.
 */
export function parsePlan(source: string): ParsedText {
  const empty: Root = { type: 'root', children: [] };
  const standIns = standInsFor(source);
  const { text: scanned, problems } = prescan(source, standIns);
  if (problems.some((problem) => !problem.recovered)) return { tree: empty, nodes: [empty], syntaxProblems: problems };
  // What remark would do with a NUL; one unit for one unit, so no position moves. The frontmatter is
  // blanked as Astro blanks it, and read apart (`readFrontmatter`).
  let text = blankFrontmatter(scanned.replaceAll('\u0000', '\uFFFD'));
  const features = { frontmatter: false };
  const unreadable = (problem: Located): ParsedText => ({
    tree: empty,
    nodes: [empty],
    syntaxProblems: [...problems, { line: problem.line, column: problem.column, kind: 'unreadable' as const, text: problem.reason, recovered: false }],
  });
  const parsed = (tree: Root): ParsedText => {
    const nodes = treeNodes(tree);
    const script = badScript(nodes);
    if (script) return unreadable(script);
    // Stand-ins exist only where a problem was recovered from; most files have none to put back.
    if (problems.length > 0) restore(nodes, standIns);
    const fence = findUnclosedFence(nodes, source);
    return fence ? { tree: empty, nodes: [empty], syntaxProblems: [...problems, fence] } : { tree, nodes, syntaxProblems: problems };
  };
  const references = text.match(REFERENCE)?.length ?? 0;
  if (references > MAX_REFERENCES)
    return { tree: empty, nodes: [empty], syntaxProblems: [...problems, { line: 1, column: 1, kind: 'references' as const, text: references.toLocaleString('en-US'), recovered: false }] };
  let first: Located;
  try {
    return parsed(mdxToMdast(text, { features }) as Root);
  } catch (error) {
    const where = located(error);
    if (!where) throw error;
    first = where;
  }
  const starts = lineStarts(text);
  const offsetOf = ({ line, column }: Located) => (starts[line - 1] ?? 0) + column - 1;
  const report = (offset: number) => {
    const line = starts.findLastIndex((start) => start <= offset);
    const after = source.slice(offset + 1, offset + 200);
    problems.push({ line: line + 1, column: offset - (starts[line] ?? 0) + 1, kind: lessThanKind(after), text: `<${after.split('\n')[0] ?? ''}`, recovered: true });
  };
  if (!bareLessThan(text, offsetOf(first))) return unreadable(first);
  // Every bare `<` at once: one Markdown parse finds them, one MDX parse reads the text without them.
  const batch = bareLessThans(text, features);
  try {
    const tree = mdxToMdast(replaceAt(text, batch, standIns), { features }) as Root;
    const inText = new Set<number>();
    for (const node of treeNodes(tree)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (node.type === 'text' && start !== undefined && end !== undefined) for (const offset of batch) if (offset >= start && offset < end) inText.add(offset);
    }
    if (inText.size === batch.length) {
      batch.forEach(report);
      return parsed(tree);
    }
  } catch {
    // A `<` inside an expression or a tag was taken for prose: read the exact way below.
  }
  // Exact and rare: one parse per bare `<`, in order, up to a limit.
  let where: Located | null = first;
  for (let attempt = 0; where; attempt++) {
    const offset = offsetOf(where);
    if (!bareLessThan(text, offset) || attempt === MAX_RECOVERIES) return unreadable(where);
    report(offset);
    text = replaceAt(text, [offset], standIns);
    try {
      return parsed(mdxToMdast(text, { features }) as Root);
    } catch (error) {
      where = located(error);
      if (!where) throw error;
    }
  }
  return unreadable(first);
}
