import type { Html } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { SAFE_ELEMENTS, unsafeHtml } from '../raw-html.ts';
import { defineRule, type Report } from '../rule.ts';

const MESSAGES = {
  element:
    'Unexpected element `<{{name}}>`, expected plain Markdown or an allow-listed component ({{allowed}}). MDX runs components at build time; remove it or add a reviewed component to `components` in pilotplan.config.json.',
  spread: 'Unexpected spread attribute `{{{value}}}` on `<{{name}}>`, expected plain `name="value"` attributes. Spell the attributes out.',
  attributeExpression: 'Unexpected expression in attribute `{{attribute}}={{{value}}}`, expected a quoted string. Write `{{attribute}}="…"`.',
  handler: 'Unexpected attribute `{{attribute}}` on `<{{name}}>`, expected no event handlers or `set:` directives. Remove it.',
  html: 'Unexpected raw HTML {{what}}, expected plain Markdown or formatting elements (`<sub>`, `<kbd>`, …) without event handlers. Raw HTML reaches the page as written; write it in Markdown instead.',
  esm: 'Unexpected `{{keyword}}` statement, expected none: plans may not import or export code. Remove the line.',
  expression: 'Unexpected expression `{{{value}}}`, expected plain text or a comment `{/* … */}`. Escape a literal brace as `\\{`.',
} as const;

type MessageId = keyof typeof MESSAGES;

const COMMENT = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, allowed: ReadonlySet<string>, report: (report: Report<MessageId>) => void): void {
  const name = node.name ?? '';
  if (name === '' ? false : !(SAFE_ELEMENTS.has(name) || allowed.has(name))) {
    const list = [...allowed].map((item) => `\`<${item}>\``).join(', ') || 'none are configured';
    report({ place: node, messageId: 'element', data: { name, allowed: list }, actual: name });
  }
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report({ place: node, messageId: 'spread', data: { value: attribute.value, name } });
    } else if (attribute.value && typeof attribute.value === 'object') {
      report({ place: node, messageId: 'attributeExpression', data: { attribute: attribute.name, value: attribute.value.value } });
    } else if (/^on/i.test(attribute.name) || /^set:/i.test(attribute.name)) {
      report({ place: node, messageId: 'handler', data: { attribute: attribute.name, name } });
    }
  }
}

/** Raw HTML reaches the page as written, so it may hold only the plain formatting elements. */
function checkHtml(node: Html, report: (report: Report<MessageId>) => void): void {
  const unsafe = unsafeHtml(node.value);
  if (unsafe === null) return;
  report({ place: node, messageId: 'html', data: { what: unsafe }, actual: node.value });
}

export default defineRule({
  id: 'mdx-safety',
  scope: 'body',
  messages: MESSAGES,
  check(plan, report) {
    const allowed = new Set(plan.config.components);
    for (const node of plan.nodes) {
      switch (node.type) {
        case 'mdxjsEsm':
          report({ place: node, messageId: 'esm', data: { keyword: node.value.trim().split(/\s+/)[0] ?? 'import' }, actual: node.value });
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (!COMMENT.test(node.value)) {
            report({ place: node, messageId: 'expression', data: { value: node.value }, actual: node.value });
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
});
