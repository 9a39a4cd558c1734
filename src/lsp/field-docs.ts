import { readFileSync } from 'node:fs';

/**
 * The one-line comment each frontmatter field has in the plan schema, read from the schema's source
 * so the editor's hover and the schema say the same thing; the source is the one place they are written.
 */
function readFieldDocs(): ReadonlyMap<string, string> {
  const source = readFileSync(new URL('../schemas/plan-frontmatter-schema.ts', import.meta.url), 'utf8');
  const body = source.slice(source.indexOf('export const PlanFrontmatterSchema'));
  return new Map([...body.matchAll(/\/\*\* (.+?) \*\/\n\s+(\w+):/g)].map((match) => [match[2] ?? '', match[1] ?? '']));
}

let docs: ReadonlyMap<string, string> | null = null;

/** The doc of a top-level frontmatter key, or null for one the schema does not know. */
export function fieldDoc(key: string): string | null {
  docs ??= readFieldDocs();
  return docs.get(key) ?? null;
}
