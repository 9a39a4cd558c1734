import type { Nodes } from 'mdast';

/**
 * The deepest node of a tree and its depth (the root's children are at 1), walking without recursion:
 * the tree of a hostile file can be thousands of levels deep, deeper than a recursive walk can go.
 */
export function deepestNode(root: Nodes): { node: Nodes; depth: number } {
  let found = { node: root, depth: 0 };
  const stack: Array<{ node: Nodes; depth: number }> = [found];
  while (stack.length > 0) {
    const entry = stack.pop() as { node: Nodes; depth: number };
    if (entry.depth > found.depth) found = entry;
    if ('children' in entry.node) for (const child of entry.node.children) stack.push({ node: child as Nodes, depth: entry.depth + 1 });
  }
  return found;
}
