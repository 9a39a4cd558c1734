import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { hoistCspMeta } from './hoist-csp.ts';
import { findBrokenLinks } from './link-check.ts';

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
          hoistCspMeta(staging);
          const broken = findBrokenLinks(staging);
          if (broken.length > 0) {
            const list = broken.map((link) => `  ${link.page}: ${link.href} (${link.reason})`).join('\n');
            const error = new AstroError(`${broken.length} broken internal ${broken.length === 1 ? 'link' : 'links'}; the previous site was kept:\n${list}`, 'Fix the links in the pages or plans named above.');
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
