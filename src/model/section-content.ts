import type { RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { isPlaceholderText } from './placeholder-text.ts';

/** Whether a section says anything: comments, bare headings and placeholders such as "TBD" do not count. */
export function hasContent(nodes: readonly RootContent[]): boolean {
  return nodes.some((node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'yaml' || node.type === 'html' || node.type === 'heading') return false;
    if (node.type === 'mdxJsxFlowElement') return true;
    const text = nodeText(node).trim();
    return text.length > 0 && !isPlaceholderText(text);
  });
}
