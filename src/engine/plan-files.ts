import { lstatSync, readdirSync } from 'node:fs';
import { join, matchesGlob, relative, resolve, sep } from 'node:path';
import type { Config } from '../schemas/config-schema.ts';

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist']);

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

/**
 * Expands the paths given on the command line into plan files, sorted. A file named explicitly is
 * always checked; folders are walked, skipping hidden folders and files that are not plans. Symbolic
 * links are never followed but always listed, whatever they are named, so the check reports each one.
 */
export function collectPlanFiles(paths: readonly string[], contentDir: string, config: Config): string[] {
  const found = new Set<string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) {
        found.add(path);
      } else if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (entry.isFile() && isPlanFile(path, contentDir, config)) {
        found.add(path);
      }
    }
  };
  for (const path of paths) {
    if (lstatSync(path).isDirectory()) walk(path);
    else found.add(path);
  }
  return [...found].sort();
}

/**
 * The Markdown and MDX files under the content folder that are not plans (guides, the home page, flawed
 * examples), for the safety rules: the site compiles most of them, and a plan check never reads them.
 */
export function collectDocumentFiles(contentDir: string, config: Config): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(path);
      else if (entry.isFile() && /\.mdx?$/.test(entry.name) && !isPlanFile(path, contentDir, config)) found.push(path);
    }
  };
  walk(contentDir);
  return found.sort();
}
