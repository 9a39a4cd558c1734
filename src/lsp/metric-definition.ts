import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import { MAX_CONFIG_BYTES, METRIC_CATALOG_FILE } from '../model/config-file.ts';
import { findBinding } from '../model/metric-catalog.ts';
import { parsePlanPath } from '../model/plan-path.ts';
import { present, readProjectFile } from '../model/project-file.ts';
import type { PlanAnalysis } from './plan-analysis.ts';
import type { Project } from './project.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The project's metric catalogue as text, where a fix may add a synonym. */
export interface Catalogue {
  uri: string;
  text: string;
}

/**
 * The project's metrics.yaml as text, read as the check reads it: never through a link, never past the
 * config's size cap; an open copy in the editor wins over the file. Null when there is none to read.
 */
export function readCatalogue(project: Project, open: (uri: string) => string | undefined): Catalogue | null {
  const path = join(project.contentDir, METRIC_CATALOG_FILE);
  const uri = pathToFileURL(path).href;
  const text = open(uri);
  if (text !== undefined) return { uri, text };
  if (!present(path)) return null;
  try {
    return { uri, text: readProjectFile(path, project.root, MAX_CONFIG_BYTES) };
  } catch {
    return null;
  }
}

/** Where metrics.yaml names an entry: the line of its key, quoted or not. */
function entryLine(catalogue: string, name: string): number {
  const key = new RegExp(`^\\s+(['"]?)${escapeRegExp(name)}\\1\\s*:`);
  return catalogue.split('\n').findIndex((line) => key.test(line));
}

/** The catalogue entries the criteria on a line bind to, with their queries: what `export` would measure them with. */
export function boundEntries(project: Project, path: string, analysis: PlanAnalysis, line: number): Array<{ name: string; query: string }> {
  const catalog = project.config.metrics;
  if (!catalog) return [];
  const planId = parsePlanPath(path)?.id ?? null;
  const entries = [...analysis.model.exitCriteria, ...analysis.model.rollbackTriggers].filter((entry) => entry.line - 1 === line);
  const bound = entries.flatMap((entry) => entry.criteria.map((criterion) => findBinding(criterion, catalog, planId)).filter((found) => found !== null));
  return [...new Map(bound.map((found) => [found.name, { name: found.name, query: found.binding.query }])).values()];
}

/** From a criterion's line to the metrics.yaml entry its metric binds to, as `export` and `--from-prometheus` would bind it. */
export function metricDefinition(project: Project, path: string, analysis: PlanAnalysis, line: number, open: (uri: string) => string | undefined): Location[] {
  const bound = boundEntries(project, path, analysis, line);
  const catalogue = bound.length > 0 ? readCatalogue(project, open) : null;
  if (!catalogue) return [];
  const { text } = catalogue;
  return bound
    .map((entry) => entry.name)
    .flatMap((name) => {
      const at = entryLine(text, name);
      const character = at < 0 ? 0 : (text.split('\n')[at]?.search(/\S/) ?? 0);
      return at < 0 ? [] : [{ uri: catalogue.uri, range: { start: { line: at, character }, end: { line: at, character: character + name.length } } }];
    });
}
