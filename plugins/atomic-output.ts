import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { hoistCspMeta } from './hoist-csp.ts';
import { LinkCheck } from './link-check.ts';

/**
 * Builds into `<outDir>.staging` and swaps it into place only when every page, the search index and
 * the sitemap are written and every internal link resolves, so a failed build leaves the last good
 * site where it was. Added by the
 * pilotplan integration so that it runs after every integration that writes into the output.
 */
export function atomicOutput(finalDir: URL): { integration: AstroIntegration; stagingDir: URL } {
  const final = fileURLToPath(finalDir).replace(/[\\/]$/, '');
  const staging = `${final}.staging`;
  const previous = `${final}.previous`;
  rmSync(staging, { recursive: true, force: true });
  return {
    stagingDir: new URL(`file://${staging}/`),
    integration: {
      name: 'pilotplan:atomic-output',
      hooks: {
        'astro:build:done': () => {
          // One pass over the pages: each is read once, its policy moved up, its links checked.
          const links = new LinkCheck(staging);
          for (const entry of readdirSync(staging, { recursive: true, withFileTypes: true })) {
            if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
            const path = join(entry.parentPath, entry.name);
            const html = readFileSync(path, 'utf8');
            const hoisted = hoistCspMeta(html);
            if (hoisted !== html) writeFileSync(path, hoisted);
            links.add(path, hoisted);
          }
          const broken = links.finish();
          if (broken.length > 0) {
            const list = broken.map((link) => `  ${link.page}: ${link.href} (${link.reason})`).join('\n');
            const error = new AstroError(
              `${broken.length} broken internal ${broken.length === 1 ? 'link' : 'links'}; the previous site was kept:\n${list}`,
              'Fix the links in the pages or plans named above.',
            );
            error.stack = '';
            throw error;
          }
          rmSync(previous, { recursive: true, force: true });
          if (existsSync(final)) renameSync(final, previous);
          renameSync(staging, final);
          rmSync(previous, { recursive: true, force: true });
        },
      },
    },
  };
}
