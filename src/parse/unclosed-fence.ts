import type { Code, Nodes } from 'mdast';
import type { SyntaxProblem } from '../model/syntax-problem.ts';

/** A fenced code block never closed runs to the end of the file and hides every section after it. */
export function findUnclosedFence(nodes: readonly Nodes[], source: string): SyntaxProblem | null {
  for (const node of nodes) {
    if (node.type !== 'code') continue;
    const { start, end } = (node as Code).position ?? {};
    if (start?.offset === undefined || end?.offset === undefined || source.slice(end.offset).trim() !== '') continue;
    const lines = source.slice(start.offset, end.offset).trimEnd().split('\n');
    const opening = /^[ \t]*(`{3,}|~{3,})/.exec(lines[0] ?? '')?.[1];
    const closing = lines.length > 1 ? (lines.at(-1) ?? '').trim() : '';
    if (opening && !(closing.startsWith(opening) && /^(`+|~+)$/.test(closing))) return { line: start.line, column: start.column, kind: 'unclosed-fence', text: opening, recovered: false };
  }
  return null;
}
