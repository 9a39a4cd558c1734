import { readFileSync } from 'node:fs';

/**
 * The one-line comment each frontmatter field has in the plan schema, read from the schema's source
 * so the editor's hover and the schema say the same thing; the source is the one place they are written.
 */
function readFieldDocs(): ReadonlyMap<string, string> {
  const source = readFileSync(new URL('../schemas/plan-frontmatter-schema.ts', import.meta.url), 'utf8');
  // Every field of the file (the decision's too); a name written twice keeps its first line.
  const docs = new Map<string, string>();
  for (const match of source.matchAll(/\/\*\* (.+?) \*\/\n\s+(\w+):/g)) if (!docs.has(match[2] ?? '')) docs.set(match[2] ?? '', match[1] ?? '');
  return docs;
}

let docs: ReadonlyMap<string, string> | null = null;

/** The doc of a top-level frontmatter key, or null for one the schema does not know. */
export function fieldDoc(key: string): string | null {
  docs ??= readFieldDocs();
  return docs.get(key) ?? null;
}
