import type { SyntaxKind, SyntaxProblem } from '../../model/syntax-problem.ts';
import { defineRule, type MessageData } from '../rule.ts';

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}…` : text);

/** What a message quotes of what the author wrote: a short excerpt, or the count the message names. */
function messageData(problem: SyntaxProblem): MessageData {
  const { kind, text } = problem;
  if (kind === 'unclosed-fence') return { count: text.length, marks: text.startsWith('~') ? 'tildes' : 'backticks' };
  if (kind === 'unreadable') return { text: text.replace(/\s+/g, ' ').replace(/\.$/, '') };
  return { text: ['esm-prose', 'references', 'nesting'].includes(kind) ? text : shorten(text) };
}

export default defineRule({
  id: 'mdx-syntax',
  scope: 'file',
  // What went wrong and what to write instead, one message per construct.
  messages: {
    'less-than':
      'Unexpected `<` starting a component, expected text. In MDX, `<` followed by anything but a space starts a component. Write `≤` or `<` followed by a space, or escape it as `\\<` or `&lt;`.',
    'html-comment': 'Unexpected HTML comment `{{text}}`, expected an MDX comment. MDX has no HTML comments; write `{/* … */}` instead.',
    declaration: 'Unexpected declaration `{{text}}`, expected Markdown. MDX reads `<` as the start of a component; remove the declaration.',
    instruction: 'Unexpected processing instruction `{{text}}`, expected Markdown. MDX reads `<` as the start of a component; remove it.',
    cdata: 'Unexpected CDATA section `{{text}}`, expected Markdown. Write the text as it is, or put it in a code block.',
    'esm-prose':
      'Unexpected `{{text}}` at the start of a line, expected prose. MDX reads a line that starts with `import` or `export` as code; begin the sentence another way, such as with a capital letter.',
    'unclosed-fence':
      'Unexpected code block without an end, expected a line that closes it with {{count}} {{marks}}, as it was opened. Everything after this line was read as code, so the rest of the body was not checked; close the block.',
    references: 'Unexpected {{text}} character references such as `&amp;`, expected at most 5,000. Write the characters themselves; the rest of the body was not checked.',
    nesting: 'Unexpected nesting {{text}} levels deep, expected at most 100 quotes or lists inside each other. Flatten the structure; the rest of the body was not checked.',
    unreadable: 'Unreadable MDX: {{text}}. Fix the syntax here; the rest of the body was not checked. A literal `{` must be escaped as `\\{`, a literal `<` as `\\<`.',
  } satisfies Record<SyntaxKind, string>,
  check(plan, report) {
    for (const problem of plan.syntaxProblems) report({ place: problem, messageId: problem.kind, data: messageData(problem), note: problem.text });
  },
});
