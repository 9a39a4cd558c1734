import type { Root, Text } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { SyntaxProblem } from './plan-model.ts';

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).freeze();

// One UTF-16 unit like `<`, so every later line and column stays where the author wrote it.
const STAND_IN = '\uE000';
const MAX_RECOVERIES = 200;
// No plan nests quotes or lists this deep; parsers and tree walks recurse per level and would overflow the stack.
const MAX_NESTING = 100;
const NESTING = /^(?:[ \t]*>)+/;

/** The first line whose quotes or indented lists go deeper than any plan needs, if there is one. */
function tooDeepNesting(source: string): SyntaxProblem | null {
  let line = 1;
  for (let start = 0; start < source.length; line++) {
    const end = source.indexOf('\n', start);
    const text = source.slice(start, end === -1 ? source.length : end);
    const quotes = NESTING.exec(text)?.[0] ?? '';
    const depth = quotes.split('>').length - 1 + Math.floor((text.length - text.slice(quotes.length).trimStart().length - quotes.length) / 2);
    if (depth > MAX_NESTING) {
      return { line, column: 1, recovered: false, message: `Unexpected nesting ${depth} levels deep, expected at most ${MAX_NESTING} quotes or lists inside each other. Flatten the structure` };
    }
    if (end === -1) break;
    start = end + 1;
  }
  return null;
}

interface ParserError {
  message: string;
  line?: number;
  column?: number;
  place?: { line: number; column: number; offset?: number } | { start: { line: number; column: number; offset?: number } };
  source?: string;
}

function pointOf(error: ParserError): { line: number; column: number; offset: number | undefined } {
  const place = error.place && 'start' in error.place ? error.place.start : error.place;
  return { line: place?.line ?? error.line ?? 1, column: place?.column ?? error.column ?? 1, offset: place?.offset };
}

function isParserError(error: unknown): error is ParserError {
  return error instanceof Error && ('place' in error || 'line' in error);
}

/**
 * Parses a plan's MDX. An unescaped `<` (as in `error rate <= 0.5%`) is reported and read as text so
 * the rest of the file is still checked; any other syntax error leaves the body unread.
 */
export function parsePlanTree(source: string): { tree: Root; syntaxProblems: SyntaxProblem[] } {
  const tooDeep = tooDeepNesting(source);
  if (tooDeep) return { tree: { type: 'root', children: [] }, syntaxProblems: [tooDeep] };
  const problems: SyntaxProblem[] = [];
  let text = source;
  for (let attempt = 0; ; attempt++) {
    try {
      const tree = parser.parse(text);
      if (problems.length > 0) {
        visit(tree, 'text', (node: Text) => {
          node.value = node.value.replaceAll(STAND_IN, '<');
        });
      }
      return { tree, syntaxProblems: problems };
    } catch (error) {
      if (!isParserError(error)) throw error;
      const { line, column, offset } = pointOf(error);
      // The parser points just past the `<` it took for a tag; anything else is not this common case.
      const lessThan = offset === undefined ? -1 : text.lastIndexOf('<', offset);
      const recoverable = error.source === 'micromark-extension-mdx-jsx' && offset !== undefined && lessThan >= 0 && offset - lessThan <= 1;
      if (!recoverable || attempt === MAX_RECOVERIES) {
        problems.push({ line, column, message: error.message, recovered: false });
        return { tree: { type: 'root', children: [] }, syntaxProblems: problems };
      }
      problems.push({ line, column: column - (offset - lessThan), message: error.message, recovered: true });
      text = `${text.slice(0, lessThan)}${STAND_IN}${text.slice(lessThan + 1)}`;
    }
  }
}
