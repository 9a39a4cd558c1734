import type { Nodes } from 'mdast';

// The same tree is measured by the checker before it models a plan and by the rule that reports depth.
const measured = new WeakMap<Nodes, { node: Nodes; depth: number }>();

/**
 * The deepest node of a tree and its depth (the root's children are at 1), walking without recursion:
 * the tree of a hostile file can be thousands of levels deep, deeper than a recursive walk can go.
 */
export function deepestNode(root: Nodes): { node: Nodes; depth: number } {
  const known = measured.get(root);
  if (known) return known;
  let found = { node: root, depth: 0 };
  const nodes: Nodes[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop() as Nodes;
    const depth = depths.pop() as number;
    if (depth > found.depth) found = { node, depth };
    if ('children' in node) {
      for (const child of node.children) {
        nodes.push(child as Nodes);
        depths.push(depth + 1);
      }
    }
  }
  measured.set(root, found);
  return found;
}
