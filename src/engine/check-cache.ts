import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../schemas/config-schema.ts';
import type { PlanOutcome } from './plan-job.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE_FILE = join(ROOT, 'node_modules/.cache/pilotplan/check.json');
// Everything whose change can change a message: the engine and the layers under it, and the lock. A test
// holds this list against what the engine imports, so it cannot go stale.
export const CHECKER_SOURCES = ['src/schemas', 'src/criteria', 'src/model', 'src/parse', 'src/evaluate', 'src/engine', 'package-lock.json'];

export const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

let version: string | undefined;

/** The checker's version for the cache: a hash of its own sources, so any change to a rule invalidates it. */
export function checkerVersion(): string {
  version ??= hash(CHECKER_SOURCES.flatMap((path) => filesUnder(join(ROOT, path))).map((file) => readFileSync(file, 'utf8')).join('\u0000'));
  return version;
}

interface CacheFile {
  version: string;
  entries: Record<string, { key: string; outcome: PlanOutcome }>;
  /** The last config file's text and the config validated from it. */
  config?: { text: string | null; value: Config };
}

/** Outcomes of earlier runs, keyed by file, valid while the file's key (content, results, config) is the same. */
export class CheckCache {
  private data: CacheFile;
  private dirty = false;
  private readonly enabled: boolean;

  constructor(enabled: boolean) {
    let current = '';
    try {
      current = enabled ? checkerVersion() : '';
    } catch {
      // The checker's sources are not where this module expects them (a bundled copy): no cache.
    }
    this.enabled = enabled && current !== '';
    this.data = { version: current, entries: {} };
    if (!this.enabled) return;
    try {
      const stored = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as CacheFile;
      if (stored.version === this.data.version) this.data = stored;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  get(path: string, key: string): PlanOutcome | undefined {
    const entry = this.data.entries[path];
    return this.enabled && entry?.key === key ? entry.outcome : undefined;
  }

  /** The config an earlier run validated from this same text; the schema library then need not load. */
  config(text: string | null): Config | undefined {
    const stored = this.data.config;
    return this.enabled && stored && stored.text === text ? stored.value : undefined;
  }

  rememberConfig(text: string | null, value: Config): Config {
    if (this.enabled && this.data.config?.text !== text) {
      this.data.config = { text, value };
      this.dirty = true;
    }
    return value;
  }

  set(path: string, key: string, outcome: PlanOutcome): void {
    if (!this.enabled) return;
    this.data.entries[path] = { key, outcome };
    this.dirty = true;
  }

  /** Writes atomically, so two runs at once never leave a half-written cache. */
  save(): void {
    if (!this.dirty) return;
    mkdirSync(join(CACHE_FILE, '..'), { recursive: true });
    const temporary = `${CACHE_FILE}.${process.pid}`;
    writeFileSync(temporary, JSON.stringify(this.data));
    renameSync(temporary, CACHE_FILE);
  }
}
