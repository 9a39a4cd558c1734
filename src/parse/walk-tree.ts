import type { Nodes } from 'mdast';

/** Every node of a tree, parents before children, in document order. */
export function* walkTree(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* walkTree(child);
}
