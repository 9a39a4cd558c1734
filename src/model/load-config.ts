import { type Config, ConfigSchema } from '../schemas/config-schema.ts';
import { ConfigError, type ConfigFile, readConfigFile } from './config-file.ts';
import { fieldName } from './describe-zod-issue.ts';
import { readMetricCatalog } from './metric-catalog.ts';

/** Validates a config file read by `readConfigFile`; without a file, every default applies. */
export function parseConfig({ shown, text, metrics }: ConfigFile): Config {
  const config = parseConfigText(shown, text);
  if (metrics === null) return config;
  const { catalog, problems } = readMetricCatalog(metrics.text);
  if (catalog === null)
    throw new ConfigError(
      `${metrics.shown}: invalid metric catalogue.\n${problems.map((problem) => `  ${metrics.shown}:${problem.line}:${problem.column}  ${problem.message}.`.replace(/\.\.$/, '.')).join('\n')}`,
    );
  return { ...config, metrics: catalog };
}

/** Where JSON.parse stopped, without its message: V8 quotes the text there, which may not be a config at all. */
function syntaxPlace(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `:${lineColumn[1]}:${lineColumn[2]}`;
  const offset = /position (\d+)/.exec(message);
  if (!offset) return '';
  const before = text.slice(0, Number(offset[1])).split('\n');
  return `:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

/** The line and column of the key a zod issue is about, found by following its path through the JSON text. */
function keyPlace(text: string, path: readonly PropertyKey[]): string {
  let at = 0;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const found = text.indexOf(JSON.stringify(key), at);
    if (found === -1) break;
    at = found;
  }
  const before = text.slice(0, at).split('\n');
  return at === 0 ? '' : `:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

function parseConfigText(shown: string, text: string | null): Config {
  if (text === null) return ConfigSchema().parse({});
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${shown}${syntaxPlace(error, text)}: unreadable JSON. Fix the syntax; the file must be one JSON object.`);
  }
  const result = ConfigSchema().safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${shown}${keyPlace(text, issue.path)}  ${fieldName(issue.path) || '(root)'}: ${issue.message}`);
    throw new ConfigError(`${shown}: invalid config.\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Reads and validates the project's checker config. */
export function loadConfig(path: string | undefined, contentDir = 'content', cwd = process.cwd()): Config {
  return parseConfig(readConfigFile(path, contentDir, cwd));
}
