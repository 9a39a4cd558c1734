import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigSchema, type Config } from '../schemas/config-schema.ts';
import { fieldName } from './describe-zod-issue.ts';

export const CONFIG_FILE = 'pilotplan.config.json';

/** A config file that cannot be used; the CLI prints it and exits 2, the build stops on it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the project's checker config; without a file, every default applies. */
export function loadConfig(path: string | undefined, contentDir = 'content', cwd = process.cwd()): Config {
  const absolute = path ?? join(contentDir, CONFIG_FILE);
  const file = relative(cwd, absolute) || absolute;
  if (!existsSync(absolute)) {
    if (path !== undefined) throw new ConfigError(`${file}: config file not found. Check the --config path.`);
    return ConfigSchema().parse({});
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(absolute, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: unreadable JSON (${error instanceof Error ? error.message : String(error)}). Fix the syntax.`);
  }
  const result = ConfigSchema().safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${fieldName(issue.path) || '(root)'}: ${issue.message}`);
    throw new ConfigError(`${file}: invalid config.\n${lines.join('\n')}`);
  }
  return result.data;
}
