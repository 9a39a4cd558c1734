import { dirname, join, relative } from 'node:path';
import { ProjectFileError, present, readProjectFile } from './project-file.ts';

export const CONFIG_FILE = 'pilotplan.config.json';

/** The metric catalogue's file name, beside the config file. */
export const METRIC_CATALOG_FILE = 'metrics.yaml';

// A config or catalogue larger than this is no config: it is refused before it is read.
export const MAX_CONFIG_BYTES = 1_048_576;

/** A config file that cannot be used; the CLI prints it and exits 2, the build stops on it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The project's config file as found on disk, before validation. */
export interface ConfigFile {
  /** The path as shown in messages, relative to the working directory. */
  shown: string;
  /** The file's text; null when there is no config file and every default applies. */
  text: string | null;
  /** The metric catalogue beside it, when there is one. */
  metrics: { shown: string; text: string } | null;
}

/**
 * Finds and reads the config file without validating it, so a cached check can reuse the config it
 * validated last time instead of loading the schema library.
 */
export function readConfigFile(path: string | undefined, contentDir = 'content', cwd = process.cwd()): ConfigFile {
  const absolute = path ?? join(contentDir, CONFIG_FILE);
  const shown = relative(cwd, absolute) || absolute;
  const folder = path === undefined ? contentDir : dirname(absolute);
  const catalog = join(folder, METRIC_CATALOG_FILE);
  const metrics = present(catalog) ? { shown: relative(cwd, catalog) || catalog, text: read(catalog, folder, cwd) } : null;
  if (present(absolute)) return { shown, text: read(absolute, folder, cwd), metrics };
  if (path !== undefined) throw new ConfigError(`${shown}: config file not found. Check the --config path.`);
  return { shown, text: null, metrics };
}

function read(path: string, root: string, cwd: string): string {
  try {
    return readProjectFile(path, root, MAX_CONFIG_BYTES);
  } catch (error) {
    if (error instanceof ProjectFileError) throw new ConfigError(`${relative(cwd, path) || path}: ${error.message}`);
    throw error;
  }
}

/** What a validated config depends on: both files' text, so the cache notices a change to either. */
export function configFileKey(file: ConfigFile): string | null {
  return file.metrics === null ? file.text : JSON.stringify([file.text, file.metrics.text]);
}
