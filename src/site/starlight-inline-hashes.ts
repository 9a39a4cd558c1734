import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const INLINE_SCRIPT = /<script is:inline[^>]*>([\s\S]*?)<\/script>/g;

/**
 * CSP hashes of the `<script is:inline>` blocks in Starlight's components. Astro hashes the scripts
 * it bundles but not inline ones, which it emits unchanged; hashing Starlight's own sources keeps the
 * policy right across Starlight upgrades.
 */
export function starlightInlineScriptHashes(): Array<`sha256-${string}`> {
  // `components/*` is exported by the package; its folder sits in Starlight's `dist/`.
  const dist = dirname(dirname(createRequire(import.meta.url).resolve('@astrojs/starlight/components/Head.astro')));
  const hashes = new Set<`sha256-${string}`>();
  for (const folder of ['components', 'user-components']) {
    for (const name of readdirSync(join(dist, folder)).filter((file) => file.endsWith('.astro'))) {
      for (const [, body = ''] of readFileSync(join(dist, folder, name), 'utf8').matchAll(INLINE_SCRIPT)) {
        hashes.add(`sha256-${createHash('sha256').update(body).digest('base64')}`);
      }
    }
  }
  return [...hashes].sort();
}
