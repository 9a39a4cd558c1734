import type { Nodes } from 'mdast';
import { deepestNode } from '../../model/tree-depth.ts';
import { defineRule } from '../rule.ts';

/**
 * Deepest nesting of blocks and elements. The build's MDX compiler recurses once per level and runs out
 * of stack between 1,000 and 2,000; plans nest a dozen levels at most.
 */
export const MAX_DEPTH = 64;

/**
 * Most emphasis, strikethrough and link markers in one paragraph, heading or table cell. The build's
 * Markdown parser pairs them with a cost that grows with the square of their number in one block
 * (200,000 in one paragraph took over ten minutes); at this many a block costs a millisecond or two, and
 * no paragraph a person writes comes near it.
 */
export const MAX_MARKERS = 250;

/**
 * Most directive fences (`:::note`, `:::`) in one file. The site's build reads them as nested
 * containers (Starlight's asides) with a cost that grows with the square of their number: 2,500 lines of
 * `:::a` took 82 s. A page holds a few asides.
 */
export const MAX_FENCES = 100;

// A line that opens or closes a directive container (`:::`), or is a leaf directive (`::`), as the build reads it.
const FENCE_LINE = /^[ \t]*:{2,}/gm;
const DIRECTIVES = new Set(['containerDirective', 'leafDirective']);

const INLINE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const PAIRED = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'image', 'imageReference']);
// A run of one marker character, as the parser sees a delimiter run, or a lone bracket.
const MARKER_RUN = /\*+|_+|~+|\[|\]/g;

/** Markers in one inline block: two for each pair the parser matched, and every one left as text. */
function markersIn(block: Nodes): number {
  let count = 0;
  const stack: Nodes[] = [block];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (PAIRED.has(node.type)) count += 2;
    if (node.type === 'text') count += node.value.match(MARKER_RUN)?.length ?? 0;
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return count;
}

export default defineRule({
  id: 'pathological-markdown',
  scope: 'body',
  messages: {
    nesting:
      "Unexpected nesting {{depth}} levels deep (lists, quotes or elements inside one another), expected at most {{max}}: the site's build runs out of stack on such files. Flatten the structure.",
    directives:
      "Unexpected directive lines (`::` and `:::`) past {{max}} in one file, expected at most {{max}}: the site's build nests them with a cost that grows with their square. Remove the `:::` lines, or escape their first colon (`\\:::`).",
    markers:
      "Unexpected {{count}} emphasis, strikethrough and link markers (`*`, `_`, `~`, `[`, `]`) in one {{block}}, expected at most {{max}}: the site's build slows down with the square of their number. Split the text, or escape literal markers (`\\*`).",
  },
  check(plan, report) {
    const { node, depth } = deepestNode(plan.tree);
    if (depth > MAX_DEPTH) {
      report({ place: node, messageId: 'nesting', data: { depth, max: MAX_DEPTH }, actual: String(depth) });
    }
    let fences = 0;
    for (const node of plan.nodes) {
      const before = fences;
      if (node.type === 'text') fences += node.value.match(FENCE_LINE)?.length ?? 0;
      else if (DIRECTIVES.has(node.type)) fences++;
      if (before <= MAX_FENCES && fences > MAX_FENCES) {
        report({ place: node, messageId: 'directives', data: { max: MAX_FENCES } });
      }
    }
    for (const block of plan.nodes) {
      if (!INLINE_BLOCKS.has(block.type)) continue;
      const markers = markersIn(block);
      if (markers <= MAX_MARKERS) continue;
      const kind = block.type === 'tableCell' ? 'table cell' : block.type;
      report({ place: block, messageId: 'markers', data: { count: markers.toLocaleString('en-US'), block: kind, max: MAX_MARKERS }, actual: String(markers) });
    }
  },
});
