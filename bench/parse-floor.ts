import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parsePlanTree } from '../src/parse/parse-plan-tree.ts';

// `node bench/parse-floor.ts <content/plans> plain|checker`: seconds to parse every plan once on one
// thread, with plain remark (CommonMark only) or with the checker's parser (MDX, GFM, frontmatter).
const [folder = '', variant = 'plain'] = process.argv.slice(2);
const sources = readdirSync(folder, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
  .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
const plain = unified().use(remarkParse).freeze();
const parse = variant === 'plain' ? (source: string) => plain.parse(source) : (source: string) => parsePlanTree(source);
const started = performance.now();
for (const source of sources) parse(source);
process.stdout.write(`${((performance.now() - started) / 1000).toFixed(3)}\n`);
