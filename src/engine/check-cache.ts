import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../schemas/config-schema.ts';
import { holds, type OutcomeDetail, type OutcomeDetails, type PlanOutcome } from './plan-outcome.ts';

// The engine's own folder: its sources key the cache.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Under the project checked, beside its other tool caches.
const CACHE_FILE = 'node_modules/.cache/pilotplan/check.json';
const DETAILS_FILE = 'node_modules/.cache/pilotplan/details.json';
// Everything whose change can change a message: the engine and the layers under it, and the lock. A test
// holds this list against what the engine imports, so it cannot go stale.
export const CHECKER_SOURCES = ['src/schemas', 'src/criteria', 'src/model', 'src/parse', 'src/evaluate', 'src/export', 'src/engine', 'package-lock.json'];

export const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

let version: string | undefined;

/**
 * The checker's version for the cache, from where, how large and when written each of its sources is, so any
 * change to a rule invalidates it: a stat a file, where reading and hashing them all was a tenth of a warm run.
 * The inode is there because npm gives every file it unpacks the same time (each unpacking makes new files), and
 * the change time because a tool that sets a file's time back cannot set it back.
 */
export function checkerVersion(): string {
  version ??= hash(
    CHECKER_SOURCES.flatMap((path) => filesUnder(join(ROOT, path)))
      .map((file) => {
        const { size, mtimeMs, ctimeMs, ino } = statSync(file);
        return `${relative(ROOT, file)}:${size}:${mtimeMs}:${ctimeMs}:${ino}`;
      })
      .join('\u0000'),
  );
  return version;
}

interface CacheFile {
  version: string;
  /** Each file's key and messages: all a run that prints messages needs. */
  entries: Record<string, { key: string; diagnostics: PlanOutcome['diagnostics'] }>;
  /** The last config file's text and the config validated from it. */
  config?: { text: string | null; value: Config };
}

/** The rest of each outcome, in a file of its own, read only by a run that needs it. */
interface DetailsFile {
  version: string;
  entries: Record<string, { key: string } & OutcomeDetails>;
}

/**
 * Outcomes of earlier runs in one project, kept under its `node_modules/.cache/pilotplan/`. Each is
 * keyed by the file's path relative to the project, and valid while the file's key (content, results,
 * config) and the engine's sources are the same. Files that no longer exist are dropped. Messages and
 * the other details (criteria, readings, sections) are kept apart, so a warm run loads the small part.
 */
export class CheckCache {
  private data: CacheFile;
  private details: DetailsFile | null = null;
  private dirty = false;
  private detailsDirty = false;
  private readonly enabled: boolean;
  private readonly file: string;
  private readonly detailsFile: string;
  private readonly project: string;
  private readonly seen = new Set<string>();

  constructor(enabled: boolean, project = process.cwd()) {
    this.project = project;
    this.file = join(project, CACHE_FILE);
    this.detailsFile = join(project, DETAILS_FILE);
    let current = '';
    try {
      current = enabled ? checkerVersion() : '';
    } catch {
      // The engine's sources are not where this module expects them (a bundled copy): no cache.
    }
    this.enabled = enabled && current !== '';
    this.data = { version: current, entries: {} };
    if (!this.enabled) return;
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (stored.version === this.data.version) this.data = stored;
      else this.dirty = true;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  private name(path: string): string {
    return relative(this.project, resolve(this.project, path)).split(sep).join('/');
  }

  private loadDetails(): DetailsFile {
    if (this.details) return this.details;
    this.details = { version: this.data.version, entries: {} };
    try {
      const stored = JSON.parse(readFileSync(this.detailsFile, 'utf8')) as DetailsFile;
      if (stored.version === this.data.version) this.details = stored;
    } catch {
      // No details yet: the files that need them are checked again.
    }
    return this.details;
  }

  /** The outcome of an unchanged file, with the details asked for; undefined when it must be checked again. */
  get(path: string, key: string, detail: OutcomeDetail = {}): PlanOutcome | undefined {
    const name = this.name(path);
    this.seen.add(name);
    const entry = this.data.entries[name];
    if (!this.enabled || entry?.key !== key) return undefined;
    if (!detail.criteria && !detail.explain && !detail.sections) return { diagnostics: entry.diagnostics };
    const { key: detailsKey, ...details } = this.loadDetails().entries[name] ?? { key: '' };
    return detailsKey === key && holds(details, detail) ? { diagnostics: entry.diagnostics, ...details } : undefined;
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
    const name = this.name(path);
    const { diagnostics, ...details } = outcome;
    this.data.entries[name] = { key, diagnostics };
    this.dirty = true;
    if (Object.keys(details).length === 0) return;
    this.loadDetails().entries[name] = { key, ...details };
    this.detailsDirty = true;
  }

  /** Drops the entries of files that are gone, then writes atomically, so two runs at once never leave a half-written cache. */
  save(): void {
    if (!this.enabled) return;
    // Only entries this run did not look up can be stale; a run that saw every file stats nothing.
    for (const name of Object.keys(this.data.entries)) {
      if (this.seen.has(name) || existsSync(join(this.project, name))) continue;
      delete this.data.entries[name];
      if (this.details) delete this.details.entries[name];
      this.dirty = true;
      this.detailsDirty = this.details !== null;
    }
    if (this.dirty) write(this.file, this.data);
    if (this.detailsDirty && this.details) write(this.detailsFile, this.details);
  }
}

// How much of the file is gathered before it is written: the whole would be tens of megabytes for 10,000 plans.
const WRITE_BATCH = 1 << 20;

/**
 * Writes a cache file atomically (a temporary file renamed over it), an entry at a time: the same JSON
 * as `JSON.stringify(data)`, without ever holding the whole text.
 */
function write(file: string, data: { entries: Record<string, unknown> }): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}`;
  const descriptor = openSync(temporary, 'w');
  try {
    const { entries, ...rest } = data;
    const head = JSON.stringify(rest);
    let batch = `${head.slice(0, -1)}${head === '{}' ? '' : ','}"entries":{`;
    let first = true;
    for (const [name, entry] of Object.entries(entries)) {
      batch += `${first ? '' : ','}${JSON.stringify(name)}:${JSON.stringify(entry)}`;
      first = false;
      if (batch.length < WRITE_BATCH) continue;
      writeSync(descriptor, batch);
      batch = '';
    }
    writeSync(descriptor, `${batch}}}`);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, file);
}
