import type { Code, Root, Text } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { prescan, STAND_INS, standIn } from './mdx-prescan.ts';
import { lessThanKind, type SyntaxProblem } from '../model/syntax-problem.ts';

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).freeze();

const MAX_RECOVERIES = 200;
const STAND_IN_PATTERN = new RegExp(`[${Object.keys(STAND_INS).join('')}]`, 'g');

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

/** A fenced code block never closed runs to the end of the file and hides every section after it. */
function unclosedFence(tree: Root, source: string): SyntaxProblem | null {
  let found: SyntaxProblem | null = null;
  visit(tree, 'code', (node: Code) => {
    const { start, end } = node.position ?? {};
    if (found || start?.offset === undefined || end?.offset === undefined || source.slice(end.offset).trim() !== '') return;
    const lines = source.slice(start.offset, end.offset).trimEnd().split('\n');
    const opening = /^[ \t]*(`{3,}|~{3,})/.exec(lines[0] ?? '')?.[1];
    const closing = lines.length > 1 ? (lines.at(-1) ?? '').trim() : '';
    if (opening && !(closing.startsWith(opening) && /^(`+|~+)$/.test(closing))) {
      found = { line: start.line, column: start.column, kind: 'unclosed-fence', text: opening, recovered: false };
    }
  });
  return found;
}

/**
 * Parses a plan's MDX. An unescaped `<` (as in `error rate <= 0.5%`), an HTML comment and a prose line
 * starting with `import` are reported and read as text so the rest of the file is still checked;
 * any other syntax error leaves the body unread.
 */
export function parsePlanTree(source: string): { tree: Root; syntaxProblems: SyntaxProblem[] } {
  const empty: Root = { type: 'root', children: [] };
  const { text: scanned, problems } = prescan(source);
  if (problems.some((problem) => !problem.recovered)) return { tree: empty, syntaxProblems: problems };
  let text = scanned;
  for (let attempt = 0; ; attempt++) {
    try {
      const tree = parser.parse(text);
      if (text !== source) {
        visit(tree, 'text', (node: Text) => {
          node.value = node.value.replace(STAND_IN_PATTERN, (character) => STAND_INS[character] ?? character);
        });
      }
      const fence = unclosedFence(tree, source);
      return fence ? { tree: empty, syntaxProblems: [...problems, fence] } : { tree, syntaxProblems: problems };
    } catch (error) {
      if (!isParserError(error)) throw error;
      const { line, column, offset } = pointOf(error);
      // The parser points just past the `<` it took for a tag; anything else is not this common case.
      const lessThan = offset === undefined ? -1 : text.lastIndexOf('<', offset);
      const recoverable = error.source === 'micromark-extension-mdx-jsx' && offset !== undefined && lessThan >= 0 && offset - lessThan <= 1;
      if (!recoverable || attempt === MAX_RECOVERIES) {
        // Some errors point at the enclosing block and name the real place in their text: "(5:10-5:15)".
        const named = /\((\d+):(\d+)-\d+:\d+\)/.exec(error.message);
        problems.push({ line: named ? Number(named[1]) : line, column: named ? Number(named[2]) : column, kind: 'unreadable', text: error.message, recovered: false });
        return { tree: empty, syntaxProblems: problems };
      }
      const after = source.slice(lessThan + 1, lessThan + 200);
      problems.push({ line, column: column - (offset - lessThan), kind: lessThanKind(after), text: `<${after.split('\n')[0] ?? ''}`, recovered: true });
      text = standIn(text, lessThan);
    }
  }
}
