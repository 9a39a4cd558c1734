import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*">/;
const HEAD_START = /<head>(?:<meta charset="[^"]*"\/?>)?/;

/**
 * Moves each built page's CSP `<meta>` to the top of `<head>`. Astro writes it where head content is
 * rendered, after Starlight's `<title>` and theme script, and a policy covers only markup after it.
 */
export function hoistCspMeta(root: string): void {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const html = readFileSync(path, 'utf8');
    const meta = CSP_META.exec(html)?.[0];
    const head = HEAD_START.exec(html);
    if (!meta || !head) continue;
    const without = html.replace(meta, '');
    const at = head.index + head[0].length;
    writeFileSync(path, `${without.slice(0, at)}${meta}${without.slice(at)}`);
  }
}
