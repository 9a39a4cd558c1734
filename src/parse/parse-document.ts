import type { Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import { treeNodes } from '../model/tree-nodes.ts';
import { type ParsedText, parsePlan } from './parse-plan.ts';

/**
 * Parses a page of the content folder that is not a plan: MDX as plans are parsed, Markdown (`.md`) as
 * Markdown with its frontmatter, since that is how the site compiles each.
 */
export function parseDocument(source: string, path: string): ParsedText {
  if (path.endsWith('.mdx')) return parsePlan(source);
  const tree = markdownToMdast(source, { features: { frontmatter: true } }) as Root;
  return { tree, nodes: treeNodes(tree), syntaxProblems: [] };
}
