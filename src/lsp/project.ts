import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isPlanFile } from '../engine/plan-files.ts';
import { CONFIG_FILE, ConfigError, METRIC_CATALOG_FILE, readConfigFile } from '../model/config-file.ts';
import { parseConfig } from '../model/load-config.ts';
import { fileStamp } from '../model/project-file.ts';
import { type Config, ConfigSchema } from '../schemas/config-schema.ts';
import type { UriOf } from './lsp-diagnostics.ts';

/** The project an editor opened: its root, its content folder, and its config with the metric catalogue. */
export interface Project {
  root: string;
  contentDir: string;
  config: Config;
  /** Why the project's config could not be read, when it could not; the defaults apply meanwhile. */
  configProblem: string | null;
  /** The config's and the catalogue's size and time when read, to notice a change no client reported. */
  stamp: string;
}

/** The config's and the catalogue's size and modification time, without following a link. */
const stampOf = (contentDir: string) => [CONFIG_FILE, METRIC_CATALOG_FILE].map((name) => fileStamp(join(contentDir, name)) ?? 'none').join('|');

/** Whether the config or the catalogue changed on disk since the project was read. */
export const projectChanged = (project: Project) => stampOf(project.contentDir) !== project.stamp;

/** Reads the project at `root` as `pilotplan check` would; a broken config is said, and the defaults apply. */
export function loadProject(root: string): Project {
  const contentDir = resolve(root, 'content');
  const stamp = stampOf(contentDir);
  try {
    return { root, contentDir, config: parseConfig(readConfigFile(undefined, contentDir, root)), configProblem: null, stamp };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { root, contentDir, config: ConfigSchema().parse({}), configProblem: error.message, stamp };
  }
}

/** A document's path relative to the project root, as `check` prints it; null for a document outside the project or not on disk. */
export function projectPath(project: Project, uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  const path = relative(project.root, fileURLToPath(uri));
  return path.startsWith('..') ? null : path;
}

/** Whether the document is a plan the project checks. */
export function isProjectPlan(project: Project, uri: string): boolean {
  const path = projectPath(project, uri);
  return path !== null && isPlanFile(resolve(project.root, path), project.contentDir, project.config, true);
}

/** Where a related place's file is: the document at `uri` when it names none, else a path from the project's root. */
export function relatedUri(project: Project, uri: string): UriOf {
  return (path) => (path === undefined ? uri : pathToFileURL(resolve(project.root, path)).href);
}
