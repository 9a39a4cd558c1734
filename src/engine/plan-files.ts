import { lstatSync, readdirSync } from 'node:fs';
import { join, matchesGlob, relative, resolve, sep } from 'node:path';
import type { Config } from '../schemas/config-schema.ts';

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist']);

/** The folder of the content folder whose plans are shown as text in the flawed-plan gallery, never compiled. */
export const FLAWED_FOLDER = 'flawed';

/**
 * Whether an `.mdx` file is a plan. Inside the content folder the config's `plans` globs decide, so
 * guides beside the plans are left alone; outside it (a fixture folder, a scratch copy) every `.mdx`
 * is one, unless `insideOnly` asks for the content folder alone, as the build does.
 */
export function isPlanFile(path: string, contentDir: string, config: Config, insideOnly = false): boolean {
  if (!path.endsWith('.mdx')) return false;
  const inside = relative(resolve(contentDir), resolve(path));
  if (inside.startsWith('..')) return !insideOnly;
  const posix = inside.split(sep).join('/');
  return config.plans.some((pattern) => matchesGlob(posix, pattern));
}

/** What a walk of the paths found: plan files (and links, to be reported), and other Markdown pages. */
export interface ContentFiles {
  plans: string[];
  /** `.md` and `.mdx` files under the content folder that are not plans: guides, the home page, flawed examples. */
  documents: string[];
}

/**
 * Expands the paths given on the command line into plan files, sorted, in one walk that also lists the
 * other Markdown pages under the content folder, which the site compiles beside the plans and the
 * safety rules cover. A file named explicitly is always checked; folders are walked, skipping hidden
 * folders, `dist` and `node_modules` outside the content folder and nothing inside it. Symbolic links are never followed but always listed as plans, whatever they are named, so
 * the check reports each one.
 */
export function collectContentFiles(paths: readonly string[], contentDir: string, config: Config): ContentFiles {
  const plans = new Set<string>();
  const documents: string[] = [];
  const inContent = (path: string) => !relative(resolve(contentDir), path).startsWith('..');
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      // Links, and names a tool could take for an option (`--output=…`), are listed to be reported.
      if (entry.isSymbolicLink() || (entry.name.startsWith('-') && inContent(path))) {
        plans.add(path);
      } else if (entry.isDirectory()) {
        // Inside the content folder nothing is skipped: Astro's loaders read folders named `dist` too.
        if (inContent(path) || (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name))) walk(path);
      } else if (entry.isFile() && isPlanFile(path, contentDir, config)) {
        plans.add(path);
      } else if (entry.isFile() && /\.mdx?$/.test(entry.name) && inContent(path)) {
        documents.push(path);
      }
    }
  };
  for (const path of paths) {
    if (lstatSync(path).isDirectory()) walk(path);
    else plans.add(path);
  }
  return { plans: [...plans].sort(), documents: documents.sort() };
}

/** The plan files (and links) among the paths, as `collectContentFiles` finds them. */
export function collectPlanFiles(paths: readonly string[], contentDir: string, config: Config): string[] {
  return collectContentFiles(paths, contentDir, config).plans;
}
