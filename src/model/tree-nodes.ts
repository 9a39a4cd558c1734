import type { Nodes, Root } from 'mdast';

/**
 * Every node of a tree in document order, parents before children, in one array: built once per plan
 * and read by the parser's checks and every rule, instead of each walking the tree again.
 */
export function treeNodes(tree: Root): Nodes[] {
  const nodes: Nodes[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    nodes.push(node);
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
  }
  return nodes;
}
