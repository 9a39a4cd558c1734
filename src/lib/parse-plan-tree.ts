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
