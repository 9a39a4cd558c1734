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

const asItem = (text: string) => `- ${text.replace(/^(?:[-*+]|\d+[.)])\s+/, '')}`;

/** The rows as a plan's bullets reach the grammar: Markdown read, code spans kept, emphasis gone. */
function bulletTexts(texts: readonly string[]): string[] {
  const shown = (item: ListItem | undefined, text: string) => (item ? inlineText(item).replace(/\s+/g, ' ').trim() : text);
  const alone = (text: string) => {
    const list = (parser.parse(asItem(text)) as Root).children[0];
    return shown(list?.type === 'list' ? (list.children[0] as ListItem) : undefined, text);
  };
  // One parse of all rows as one list, as each is a block of its own; a row that could define a link
  // reference for the others, or a list that did not come out one item a row, is read row by row.
  const tree = parser.parse(texts.map(asItem).join('\n')) as Root;
  const items = tree.children.length === 1 && tree.children[0]?.type === 'list' ? tree.children[0].children : [];
  return texts.map((text, index) => (items.length === texts.length && !/^\s*\[[^\]]*\]:/.test(text) ? shown(items[index], text) : alone(text)));
}

const bullets = bulletTexts(rows.map(({ text }) => text));

describe('criteria as people write them', () => {
  it('parses the rows as a list, one item a row, each as a bullet alone would read', () => {
    for (const index of [0, Math.floor(rows.length / 2), rows.length - 1]) expect(bullets[index]).toBe(bulletTexts([rows[index]?.text ?? ''])[0]);
  });
  it.each(rows.map((row, index) => ({ ...row, bullet: bullets[index] ?? '' })))('[$group/$kind] $text', ({ kind, bullet, reading, source }) => {
    expect(source).not.toBe('');
    expect(notation(readCriterion(bullet, { kind }))).toBe(reading);
  });
});
