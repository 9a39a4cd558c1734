import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../src/engine/check-plan.ts';
import { ConfigSchema } from '../src/schemas/config-schema.ts';

const base = readFileSync(new URL('fixtures/required-section/ok.mdx', import.meta.url), 'utf8');
const config = ConfigSchema().parse({});

/** Every message for the plan with `extra` added to its Scope section, as `line:column rule message`. */
function messages(extra: string): string[] {
  const source = base.replace('## Scope\n', `## Scope\n\n${extra}\n`);
  return checkPlan(source, 'content/plans/saved-carts/v1.mdx', config).file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
}

describe('MDX refusals say what to write instead, and the rest of the file is still checked', () => {
  it('an HTML comment', () => {
    expect(messages('<!-- reviewer: check the cohort size -->')).toMatchInlineSnapshot(`
      [
        "17:1 mdx-syntax Unexpected HTML comment \`<!-- reviewer: check the cohort size -->\`, expected an MDX comment. MDX has no HTML comments; write \`{/* … */}\` instead.",
      ]
    `);
  });
  it('a doctype, a processing instruction, a CDATA section', () => {
    expect(messages('<!DOCTYPE html>\n\n<?xml version="1.0"?>\n\n<![CDATA[ raw ]]>')).toMatchInlineSnapshot(`
      [
        "17:1 mdx-syntax Unexpected declaration \`<!DOCTYPE html>\`, expected Markdown. MDX reads \`<\` as the start of a component; remove the declaration.",
        "19:1 mdx-syntax Unexpected processing instruction \`<?xml version="1.0"?>\`, expected Markdown. MDX reads \`<\` as the start of a component; remove it.",
        "21:1 mdx-syntax Unexpected CDATA section \`<![CDATA[ raw ]]>\`, expected Markdown. Write the text as it is, or put it in a code block.",
      ]
    `);
  });
  it('a prose line that starts with import or export', () => {
    expect(messages('import the saved carts from the old system weekly.\n\nexport all reports as CSV.')).toMatchInlineSnapshot(`
      [
        "17:1 mdx-syntax Unexpected \`import\` at the start of a line, expected prose. MDX reads a line that starts with \`import\` or \`export\` as code; begin the sentence another way, such as with a capital letter.",
        "19:1 mdx-syntax Unexpected \`export\` at the start of a line, expected prose. MDX reads a line that starts with \`import\` or \`export\` as code; begin the sentence another way, such as with a capital letter.",
      ]
    `);
  });
  it('the rest is checked: a vague criterion after an HTML comment is still found', () => {
    const source = base.replace('## Scope\n', '## Scope\n\n<!-- note -->\n').replace('- Error rate ≤ 0.5%', '- Errors are low');
    const rules = checkPlan(source, 'content/plans/saved-carts/v1.mdx', config).file.messages.map((message) => message.ruleId);
    expect(rules).toEqual(['mdx-syntax', 'quantitative-criterion']);
  });
  it('an unclosed code fence is reported at its opening line, not as missing sections', () => {
    expect(messages('```yaml\nflag: saved-carts')).toMatchInlineSnapshot(`
      [
        "17:1 mdx-syntax Unexpected code block without an end, expected a line that closes it with 3 backticks, as it was opened. Everything after this line was read as code, so the rest of the body was not checked; close the block.",
      ]
    `);
  });
  it('an unclosed element is reported where it opens, not at the start of its paragraph', () => {
    expect(messages('Carts are kept <div>for thirty days.')).toMatchInlineSnapshot(`
      [
        "17:16 mdx-syntax Unreadable MDX: Expected a closing tag for \`<div>\` (17:16) before the end of \`paragraph\`. Fix the syntax here; the rest of the body was not checked. A literal \`{\` must be escaped as \`\\{\`, a literal \`<\` as \`\\<\`.",
      ]
    `);
  });
});
