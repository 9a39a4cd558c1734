import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { checkPlan } from '../../src/engine/check-plan.ts';
import { ConfigSchema } from '../../src/schemas/config-schema.ts';
import { differenceOf } from './front-ends.ts';

const config = ConfigSchema().parse({});
const seeds = ['required-section/ok.mdx', 'mdx-syntax/not-ok.mdx', 'mdx-safety/not-ok.mdx', 'frontmatter-schema/not-ok.mdx'].map((name) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'),
);

// Fragments that matter to MDX, YAML and the rules: the places a parser is most likely to break.
const FRAGMENTS = [
  '<',
  '<=',
  '</',
  '{',
  '}',
  '{/*',
  '*/}',
  '`',
  '```',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '!',
  '#',
  '## ',
  '> ',
  '- ',
  '1. ',
  '|',
  '---',
  '\n',
  '\n\n',
  '\t',
  ':',
  '&',
  '&lt;',
  '\\',
  '\u0000',
  '\uE000',
  '😀',
  'é',
  '≤',
  '≥',
  'import x from "y"',
  '<Evil />',
  'javascript:',
  '%',
  '0.5%',
  ' for 30 minutes',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 20 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
);

/** A valid or flawed plan with a few random edits applied. */
export const mutatedPlan = fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([seed, edits]) =>
  edits.reduce((source, edit) => {
    const at = edit.at % (source.length + 1);
    if (edit.kind === 'insert') return source.slice(0, at) + edit.text + source.slice(at);
    if (edit.kind === 'delete') return source.slice(0, at) + source.slice(at + edit.length);
    return source.slice(0, at) + source.slice(at, at + edit.length) + source.slice(at);
  }, seed),
);

/** The property: the checker returns (never throws) and every message points inside the file; a hang is the test's time-out. */
export function checkerHolds(source: string): void {
  const { file } = checkPlan(source, 'content/plans/fuzz/v1.mdx', config);
  const lines = source.split('\n').length;
  for (const message of file.messages) {
    const { line, column } = message;
    if (line === undefined || column === undefined || line < 1 || line > lines + 1 || column < 1) {
      throw new Error(`invalid position ${line}:${column} for ${message.ruleId}: ${message.reason}`);
    }
    if (!message.ruleId || !message.reason) throw new Error('message without rule id or text');
  }
}

/** The differential property: the engine's parser and remark's give the same verdict, or the engine refuses the file. */
export function frontEndsAgree(source: string): void {
  const difference = differenceOf(source, 'content/plans/fuzz/v1.mdx', config);
  if (difference) throw new Error(difference);
}
