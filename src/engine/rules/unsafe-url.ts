import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Rule } from '../rule.ts';

const UNSAFE_SCHEME = /^(javascript|vbscript|data):/;
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'xlink:href']);

/**
 * The scheme a browser would see. Markdown has already decoded character references (`&#106;`);
 * browsers also drop control characters and whitespace inside the scheme (`java\tscript:`).
 */
function scheme(url: string): string | null {
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return UNSAFE_SCHEME.exec(squeezed)?.[1] ?? null;
}

const rule: Rule = {
  id: 'unsafe-url',
  defaultSeverity: 'error',
  summary: 'No `javascript:`, `vbscript:` or `data:` URLs in links, images or element attributes, however they are encoded.',
  scope: 'body',
  check(plan, report) {
    const flag = (url: string, place: Parameters<typeof report>[0]['place']) => {
      const found = scheme(url);
      if (!found) return;
      report({
        place,
        reason: `Unexpected \`${found}:\` URL \`${url.slice(0, 60)}\`, expected an \`https:\` or relative link. Such URLs run code or hide content when clicked; link to a page instead.`,
        actual: url,
      });
    };
    for (const node of plan.nodes) {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') flag(node.url, node);
      else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of (node as MdxJsxFlowElement | MdxJsxTextElement).attributes) {
          if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && URL_ATTRIBUTES.has(attribute.name.toLowerCase())) flag(attribute.value, node);
        }
      }
    }
  },
};

export default rule;
