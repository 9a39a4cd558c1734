import type { Html } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Report, Rule } from '../rule.ts';

const COMMENT = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;

// Plain formatting elements that run nothing; anything else must be an allow-listed component.
const SAFE_ELEMENTS = new Set(['abbr', 'br', 'del', 'details', 'em', 'ins', 'kbd', 'mark', 'small', 'strong', 'sub', 'summary', 'sup']);

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, allowed: ReadonlySet<string>, report: (report: Report) => void): void {
  const name = node.name ?? '';
  if (name === '' ? false : !(SAFE_ELEMENTS.has(name) || allowed.has(name))) {
    const list = [...allowed].map((item) => `\`<${item}>\``).join(', ') || 'none are configured';
    report({
      place: node,
      reason: `Unexpected element \`<${name}>\`, expected plain Markdown or an allow-listed component (${list}). MDX runs components at build time; remove it or add a reviewed component to \`components\` in pilotplan.config.json.`,
      actual: name,
    });
  }
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report({ place: node, reason: `Unexpected spread attribute \`{${attribute.value}}\` on \`<${name}>\`, expected plain \`name="value"\` attributes. Spell the attributes out.` });
    } else if (attribute.value && typeof attribute.value === 'object') {
      report({ place: node, reason: `Unexpected expression in attribute \`${attribute.name}={${attribute.value.value}}\`, expected a quoted string. Write \`${attribute.name}="…"\`.` });
    } else if (/^on/i.test(attribute.name) || /^set:/i.test(attribute.name)) {
      report({ place: node, reason: `Unexpected attribute \`${attribute.name}\` on \`<${name}>\`, expected no event handlers or \`set:\` directives. Remove it.` });
    }
  }
}

// Raw HTML in a `.md` page: its tag names and any event handler or `set:` attribute.
const HTML_TAG = /<\/?([A-Za-z][\w:-]*)/g;
const HTML_HANDLER = /[\s/"'](on[a-z]+|set:[\w-]+)\s*=/i;

/** Raw HTML reaches the page as written, so it may hold only the plain formatting elements. */
function checkHtml(node: Html, report: (report: Report) => void): void {
  const names = [...node.value.matchAll(HTML_TAG)].map((match) => (match[1] ?? '').toLowerCase());
  const unsafe = names.find((name) => !SAFE_ELEMENTS.has(name));
  const handler = HTML_HANDLER.exec(node.value)?.[1];
  if (unsafe === undefined && handler === undefined) return;
  report({
    place: node,
    reason: `Unexpected raw HTML ${unsafe === undefined ? `attribute \`${handler}\`` : `element \`<${unsafe}>\``}, expected plain Markdown or formatting elements (\`<sub>\`, \`<kbd>\`, …) without event handlers. Raw HTML reaches the page as written; write it in Markdown instead.`,
    actual: node.value,
  });
}

const rule: Rule = {
  id: 'mdx-safety',
  defaultSeverity: 'error',
  summary: 'No imports, exports, `{expressions}` (comments aside) or components outside the allow-list: plans arrive by pull request and MDX runs code at build time.',
  scope: 'body',
  check(plan, report) {
    const allowed = new Set(plan.config.components);
    for (const node of plan.nodes) {
      switch (node.type) {
        case 'mdxjsEsm':
          report({
            place: node,
            reason: `Unexpected \`${node.value.trim().split(/\s+/)[0] ?? 'import'}\` statement, expected none: plans may not import or export code. Remove the line.`,
            actual: node.value,
          });
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (!COMMENT.test(node.value)) {
            report({
              place: node,
              reason: `Unexpected expression \`{${node.value}}\`, expected plain text or a comment \`{/* … */}\`. Escape a literal brace as \`\\{\`.`,
              actual: node.value,
            });
          }
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          checkElement(node, allowed, report);
          break;
        case 'html':
          checkHtml(node, report);
          break;
        default:
      }
    }
  },
};

export default rule;
