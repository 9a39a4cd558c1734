import { readFileSync } from 'node:fs';
import type { ListItem, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { readCriterion } from '../../src/criteria/criteria-grammar.ts';
import { inlineText } from '../../src/model/plan-model.ts';
import { notation } from './notation.ts';

/**
 * Each row: a criterion as someone wrote it, whether it is an exit criterion or a rollback trigger,
 * how it must be read, and where the words come from (a public document, or this project).
 */
const rows = readFileSync(new URL('phrasings.tsv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [group = '', kind = '', text = '', reading = '', source = ''] = line.split('\t');
    return { group, kind: kind === 'rollback' ? ('rollback' as const) : ('exit' as const), text, reading, source };
  });

const parser = unified().use(remarkParse).use(remarkGfm);

/** The row as a plan's bullet reaches the grammar: Markdown read, code spans kept, emphasis gone. */
function bulletText(text: string): string {
  const tree = parser.parse(`- ${text.replace(/^(?:[-*+]|\d+[.)])\s+/, '')}`) as Root;
  const list = tree.children[0];
  const item = list?.type === 'list' ? (list.children[0] as ListItem) : undefined;
  return item ? inlineText(item).replace(/\s+/g, ' ').trim() : text;
}

describe('criteria as people write them', () => {
  it.each(rows)('[$group/$kind] $text', ({ kind, text, reading, source }) => {
    expect(source).not.toBe('');
    expect(notation(readCriterion(bulletText(text), { kind }))).toBe(reading);
  });
});
