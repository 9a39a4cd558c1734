import type { Paragraph, Parent, Root, RootContent } from 'mdast';

const BLANK = /^[\t\n\r ]*$/;

/**
 * What Astro's MDX pipeline does before any remark plugin sees the tree: a paragraph that holds only
 * JSX elements and expressions (and blank text) becomes those elements as blocks, and every JSX
 * element is marked as written by hand. Sätteri's trees come out this way already.
 */
export function unravel(tree: Root): Root {
  const walk = (parent: Parent): void => {
    const children: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      if (child.type !== 'paragraph' || !onlyJsx(child)) {
        children.push(child);
        continue;
      }
      for (const inner of child.children) {
        if (inner.type === 'mdxJsxTextElement') (inner as unknown as { type: string }).type = 'mdxJsxFlowElement';
        else if (inner.type === 'mdxTextExpression') (inner as unknown as { type: string }).type = 'mdxFlowExpression';
        else continue;
        children.push(inner as unknown as RootContent);
      }
    }
    parent.children = children as Parent['children'];
    for (const child of children) {
      if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') child.data = { ...child.data, _mdxExplicitJsx: true };
      if ('children' in child) walk(child as Parent);
    }
  };
  walk(tree);
  return tree;
}

function onlyJsx(paragraph: Paragraph): boolean {
  let any = false;
  for (const child of paragraph.children) {
    if (child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression') any = true;
    else if (!(child.type === 'text' && BLANK.test(child.value))) return false;
  }
  return any;
}
