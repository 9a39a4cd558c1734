import { ConfigSchema, type Config } from '../schemas/config-schema.ts';
import { ConfigError, readConfigFile, type ConfigFile } from './config-file.ts';
import { fieldName } from './describe-zod-issue.ts';
import { readMetricCatalog } from './metric-catalog.ts';

/** Validates a config file read by `readConfigFile`; without a file, every default applies. */
export function parseConfig({ shown, text, metrics }: ConfigFile): Config {
  const config = parseConfigText(shown, text);
  if (metrics === null) return config;
  const { catalog, problems } = readMetricCatalog(metrics.text);
  if (catalog === null) throw new ConfigError(`${metrics.shown}: invalid metric catalogue.\n${problems.map((problem) => `  ${metrics.shown}:${problem.line}:${problem.column}  ${problem.message}.`.replace(/\.\.$/, '.')).join('\n')}`);
  return { ...config, metrics: catalog };
}

function parseConfigText(shown: string, text: string | null): Config {
  if (text === null) return ConfigSchema().parse({});
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${shown}: unreadable JSON (${error instanceof Error ? error.message : String(error)}). Fix the syntax.`);
  }
  const result = ConfigSchema().safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${fieldName(issue.path) || '(root)'}: ${issue.message}`);
    throw new ConfigError(`${shown}: invalid config.\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Reads and validates the project's checker config. */
export function loadConfig(path: string | undefined, contentDir = 'content', cwd = process.cwd()): Config {
  return parseConfig(readConfigFile(path, contentDir, cwd));
}
