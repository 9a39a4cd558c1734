import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPlan } from '../src/engine/check-plan.ts';
import { ConfigSchema } from '../src/schemas/config-schema.ts';

const base = readFileSync(new URL('fixtures/required-section/ok.mdx', import.meta.url), 'utf8');
const lines = /^---\n([\s\S]*?)\n---/.exec(base)?.[1] ?? '';
const config = ConfigSchema().parse({});

/** The frontmatter-schema messages for a plan whose frontmatter is `yaml`, as `line:column message`. */
function messages(yaml: string): string[] {
  const source = base.replace(/^---\n[\s\S]*?\n---\n/, `---\n${yaml}\n---\n`);
  return checkPlan(source, 'content/plans/saved-carts/v1.mdx', config)
    .file.messages.filter((message) => message.ruleId === 'frontmatter-schema')
    .map((message) => `${message.line}:${message.column} ${message.reason}`);
}

afterEach(() => vi.restoreAllMocks());

describe('frontmatter messages say what to do, once, at the right line', () => {
  it('a colon followed by a space inside a value: quote it', () => {
    expect(messages(lines.replace(/^summary: .*$/m, 'summary: Goal: trial saved carts: with 150 customers'))).toMatchInlineSnapshot(`
      [
        "5:10 Unreadable frontmatter: Unexpected \`: \` inside the value of \`summary\`, expected plain text. Quote the value: a colon followed by a space starts a new key, as in \`summary: "Goal: fewer abandoned carts"\`.",
      ]
    `);
  });
  it('a line indented under a plain value', () => {
    expect(messages(lines.replace('owner: Product Owner, web shop', 'owner: Product Owner\n  web shop: yes'))).toMatchInlineSnapshot(`
      [
        "6:8 Unreadable frontmatter: Unexpected indented line under the value of \`owner\`, expected the next \`key: value\` at the same indentation as \`owner\`. Line it up with the keys above, or quote a value that runs over several lines.",
      ]
    `);
  });
  it('a missing status: one of its values, and how to add it', () => {
    expect(messages(lines.replace(/^status: .*\n/m, ''))).toEqual([
      expect.stringMatching(/^\d+:1 Missing `status` in frontmatter, expected one of `draft`, .*`withdrawn`\. Add it\. For example: `status: draft`\.$/),
    ]);
  });
  it('a tab in the indentation', () => {
    expect(messages(lines.replace('  size: 150', '\tsize: 150'))).toMatchInlineSnapshot(`
      [
        "9:1 Unreadable frontmatter: Unexpected tab in the indentation, expected spaces. Indent with spaces only.",
      ]
    `);
  });
  it('a misspelt key, at its own line, and not also a missing key', () => {
    expect(messages(lines.replace('status: draft', 'stauts: draft'))).toMatchInlineSnapshot(`
      [
        "4:1 Unknown frontmatter key \`stauts\`, did you mean \`status\`? Correct its spelling.",
      ]
    `);
    expect(messages(lines.replace('  description:', '  descripton:'))).toMatchInlineSnapshot(`
      [
        "10:3 Unknown frontmatter key \`cohort.descripton\`, did you mean \`description\`? Correct its spelling.",
      ]
    `);
  });
  it('a key that is no near miss of any', () => {
    expect(messages(`${lines}\nlayout: wide`)).toMatchInlineSnapshot(`
      [
        "13:1 Unexpected frontmatter key \`layout\`, expected one of \`title\`, \`version\`, \`status\`, \`summary\`, \`owner\`, \`facilitator\`, \`stories\`, \`cohort\`, \`start\`, \`duration\`, \`tags\`, \`decision\`. Remove it or correct its spelling.",
      ]
    `);
  });
  it('frontmatter that is empty, a list or a string, not a mapping', () => {
    expect(messages('')).toMatchInlineSnapshot(`
      [
        "2:1 Unreadable frontmatter: Unexpected empty YAML, expected \`key: value\` lines such as \`title: Saved carts pilot\`.",
      ]
    `);
    expect(messages('- title\n- version')).toMatchInlineSnapshot(`
      [
        "2:1 Unreadable frontmatter: Unexpected list as the whole YAML, expected \`key: value\` lines such as \`title: Saved carts pilot\`.",
      ]
    `);
    expect(messages('Saved carts pilot')).toMatchInlineSnapshot(`
      [
        "2:1 Unreadable frontmatter: Unexpected single value as the whole YAML, expected \`key: value\` lines such as \`title: Saved carts pilot\`.",
      ]
    `);
  });
  it('an alias, an end marker with more after it, a custom tag, a duplicate key', () => {
    expect(messages(`${lines}\nfacilitator: &who Sam\ntags: [*who]`)).toMatchInlineSnapshot(`
      [
        "14:8 Unreadable frontmatter: Unexpected YAML alias \`*who\`, expected the value written out. Plans accept no anchors or aliases; repeat the value.",
      ]
    `);
    expect(messages(`${lines}\n...\ntags: [web]`)).toMatchInlineSnapshot(`
      [
        "13:1 Unreadable frontmatter: Unexpected \`---\` or \`...\` inside the frontmatter, expected a single block of \`key: value\` lines. Remove the marker; the frontmatter ends at the closing \`---\`.",
      ]
    `);
    expect(messages(lines.replace('title: Saved carts pilot', 'title: !secret Saved carts pilot'))).toMatchInlineSnapshot(`
      [
        "2:8 Unreadable frontmatter: Unexpected YAML tag \`!secret\`, expected a plain value. Remove the tag.",
      ]
    `);
    expect(messages(`${lines}\ntitle: Another title`)).toMatchInlineSnapshot(`
      [
        "13:1 Unreadable frontmatter: Unexpected second \`t\` key, expected each key once. Remove one of them.",
      ]
    `);
  });
  it('a list used as a key is reported, and nothing is printed to stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const write = vi.spyOn(process.stderr, 'write');
    expect(messages(`${lines}\n? [a, b]\n: c`)).toMatchInlineSnapshot(`
      [
        "13:3 Unreadable frontmatter: Unexpected list or mapping used as a key, expected a name such as \`title\`. Write one \`key: value\` per line.",
      ]
    `);
    expect(warn).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });
});
