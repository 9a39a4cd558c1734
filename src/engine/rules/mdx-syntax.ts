import type { SyntaxKind, SyntaxProblem } from '../../model/syntax-problem.ts';
import type { Rule } from '../rule.ts';

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}…` : text);

// What went wrong and what to write instead, per construct; `text` is what the author wrote.
const REASONS: Record<SyntaxKind, (text: string) => string> = {
  'less-than': () =>
    'Unexpected `<` starting a component, expected text. In MDX, `<` followed by anything but a space starts a component. Write `≤` or `<` followed by a space, or escape it as `\\<` or `&lt;`.',
  'html-comment': (text) => `Unexpected HTML comment \`${shorten(text)}\`, expected an MDX comment. MDX has no HTML comments; write \`{/* … */}\` instead.`,
  declaration: (text) => `Unexpected declaration \`${shorten(text)}\`, expected Markdown. MDX reads \`<\` as the start of a component; remove the declaration.`,
  instruction: (text) => `Unexpected processing instruction \`${shorten(text)}\`, expected Markdown. MDX reads \`<\` as the start of a component; remove it.`,
  cdata: (text) => `Unexpected CDATA section \`${shorten(text)}\`, expected Markdown. Write the text as it is, or put it in a code block.`,
  'esm-prose': (text) =>
    `Unexpected \`${text}\` at the start of a line, expected prose. MDX reads a line that starts with \`import\` or \`export\` as code; begin the sentence another way, such as with a capital letter.`,
  'unclosed-fence': (text) =>
    `Unexpected code block without an end, expected a line that closes it with ${text.length} ${text.startsWith('~') ? 'tildes' : 'backticks'}, as it was opened. Everything after this line was read as code, so the rest of the body was not checked; close the block.`,
  references: (text) => `Unexpected ${text} character references such as \`&amp;\`, expected at most 5,000. Write the characters themselves; the rest of the body was not checked.`,
  nesting: (text) => `Unexpected nesting ${text} levels deep, expected at most 100 quotes or lists inside each other. Flatten the structure; the rest of the body was not checked.`,
  unreadable: (text) =>
    `Unreadable MDX: ${text.replace(/\s+/g, ' ').replace(/\.$/, '')}. Fix the syntax here; the rest of the body was not checked. A literal \`{\` must be escaped as \`\\{\`, a literal \`<\` as \`\\<\`.`,
};

export const syntaxReason = (problem: SyntaxProblem): string => REASONS[problem.kind](problem.text);

const rule: Rule = {
  id: 'mdx-syntax',
  scope: 'file',
  check(plan, report) {
    for (const problem of plan.syntaxProblems) report({ place: problem, reason: syntaxReason(problem), note: problem.text });
  },
};

export default rule;
