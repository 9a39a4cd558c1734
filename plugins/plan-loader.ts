import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { splitFrontmatter } from '../src/model/frontmatter.ts';
import { parsePlanPath } from '../src/model/plan-path.ts';
import { readProjectFile, unsafeFileReason } from '../src/model/project-file.ts';
import { MAX_FILE_SIZE } from '../src/schemas/config-schema.ts';

/**
 * Loads one folder of plans (`content/plans/<id>/v<N>.mdx`) for Astro to render. Astro's glob loader
 * would parse each plan's frontmatter with its own YAML reader and stop `astro dev` on the first
 * broken one; this loader reads none of it. Checking plans is the checker's job: the build refuses
 * a broken plan before any page, and in dev its page shows the checker's report instead.
 */
export function planLoader(folder: string): Loader {
  return {
    name: 'pilotplan-plans',
    load: async ({ config, store, generateDigest, watcher }) => {
      const root = fileURLToPath(config.root);
      const base = join(root, folder);
      const idOf = (path: string) => {
        const location = relative(base, path).startsWith('..') ? null : parsePlanPath(path);
        return location ? `${location.id}/v${location.version}` : null;
      };
      const sync = (path: string) => {
        const id = idOf(path);
        // A link is never followed: the check reports it, and dev refuses to start with one.
        if (!id || !existsSync(path) || unsafeFileReason(path, root) !== null) return null;
        const source = readProjectFile(path, root, MAX_FILE_SIZE);
        const block = splitFrontmatter(source);
        const body = block ? source.slice(block.offset + block.yaml.length).replace(/^\r?\n---[^\n]*\n?/, '') : source;
        store.set({ id, data: {}, body, filePath: relative(root, path), digest: generateDigest(source), deferredRender: true });
        return id;
      };
      const files = existsSync(base)
        ? readdirSync(base, { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .flatMap((entry) => readdirSync(join(base, entry.name)).map((name) => join(base, entry.name, name)))
        : [];
      const loaded = new Set(files.map(sync).filter((id) => id !== null));
      for (const id of store.keys()) if (!loaded.has(id)) store.delete(id);
      if (!watcher) return;
      watcher.add(base);
      watcher.on('change', sync);
      watcher.on('add', sync);
      watcher.on('unlink', (path: string) => {
        const id = idOf(path);
        if (id) store.delete(id);
      });
    },
  };
}
