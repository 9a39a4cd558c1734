import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parsePlan } from '../src/parse/parse-plan.ts';
import { parseWithRemark } from '../src/parse/parse-with-remark.ts';

// `node bench/parse-floor.ts <content/plans> plain|remark|satteri`: seconds to parse every plan once on
// one thread, with plain remark (CommonMark only), with remark as the site build parses (MDX, GFM,
// frontmatter), or with the checker's own front end (Sätteri, with its recovery and checks).
const [folder = '', variant = 'plain'] = process.argv.slice(2);
const sources = readdirSync(folder, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
  .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
const plain = unified().use(remarkParse).freeze();
const parse = { plain: (source: string) => plain.parse(source), remark: parseWithRemark, satteri: parsePlan }[variant] ?? parseWithRemark;
const started = performance.now();
for (const source of sources) parse(source);
process.stdout.write(`${((performance.now() - started) / 1000).toFixed(3)}\n`);
