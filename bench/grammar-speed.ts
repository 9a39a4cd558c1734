import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCriterion } from '../src/criteria/criteria-grammar.ts';

// `node bench/grammar-speed.ts <content/plans>`: each distinct bullet of the corpus read once by the
// criteria grammar, in a fresh process so no reading is remembered; prints bullets and µs per reading.
const [folder = ''] = process.argv.slice(2);
const bullets = new Set<string>();
for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue;
  for (const line of readFileSync(join(entry.parentPath, entry.name), 'utf8').split('\n')) if (/^\s*- /.test(line)) bullets.add(line.replace(/^\s*- /, ''));
}
const started = performance.now();
for (const bullet of bullets) readCriterion(bullet, { kind: 'exit' });
process.stdout.write(`${bullets.size} ${(((performance.now() - started) * 1000) / bullets.size).toFixed(1)}\n`);
