import type { Html } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { SAFE_ELEMENTS, unsafeHtml } from '../raw-html.ts';
import type { Report, Rule } from '../rule.ts';

const COMMENT = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;

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

/** Raw HTML reaches the page as written, so it may hold only the plain formatting elements. */
function checkHtml(node: Html, report: (report: Report) => void): void {
  const unsafe = unsafeHtml(node.value);
  if (unsafe === null) return;
  report({
    place: node,
    reason: `Unexpected raw HTML ${unsafe}, expected plain Markdown or formatting elements (\`<sub>\`, \`<kbd>\`, …) without event handlers. Raw HTML reaches the page as written; write it in Markdown instead.`,
    actual: node.value,
  });
}

const rule: Rule = {
  id: 'mdx-safety',
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
