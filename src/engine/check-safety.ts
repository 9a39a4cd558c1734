import { relative } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { VFile } from 'vfile';
import { treeOnlyModel } from '../model/plan-model.ts';
import { ProjectFileError, readProjectFile } from '../model/project-file.ts';
import { parseDocument } from '../parse/parse-document.ts';
import type { Config } from '../schemas/config-schema.ts';
import { SAFETY_RULE_IDS } from '../schemas/rule-ids.ts';
import { diagnostic } from './cross-file-checks.ts';
import { toDiagnostics, type FileReport } from './file-report.ts';
import { runRules } from './run-rules.ts';
import { rules } from './rules/index.ts';
import pathologicalMarkdown from './rules/pathological-markdown.ts';

/** The rules that read the tree and hold the trust boundary: no code, no unsafe URL, no shape that stalls the build. */
export const safetyRules = rules.filter((rule) => SAFETY_RULE_IDS.has(rule.id));

export interface SafetyInput {
  path: string;
  tree: Root;
  nodes: readonly Nodes[];
  config: Config;
  /** The file to record messages on; a new one when not given. */
  file?: VFile;
}

/**
 * Runs the safety rules alone on a parsed file, whatever it is: a page of the content folder that is not
 * a plan, or, in the build, any file under `content/` just before MDX compiles it. They read only the
 * tree, so nothing else of a plan is built.
 */
export function checkSafety({ path, tree, nodes, config, file = new VFile({ path }) }: SafetyInput): VFile {
  runRules(treeOnlyModel(path, tree, nodes, config), file, safetyRules);
  return file;
}


/**
 * Checks pages of the content folder that are not plans for shapes that would stall the build's parser,
 * and returns a report for each that has one. This must happen before Astro parses them; the other
 * safety rules run on each page the build compiles, in the remark plugin, and not on pages it only
 * shows as text (the flawed-plan gallery).
 */
export function checkDocuments(paths: readonly string[], config: Config, cwd: string): FileReport[] {
  const reports: FileReport[] = [];
  for (const path of paths) {
    const shown = relative(cwd, path) || path;
    let source: string;
    try {
      source = readProjectFile(path, cwd, config.maxFileSize);
    } catch (error) {
      if (!(error instanceof ProjectFileError)) throw error;
      const item = diagnostic(error.kind === 'too-large' ? 'file-too-large' : 'linked-file', error.message, config);
      reports.push({ path: shown, source: '', diagnostics: item ? [item] : [] });
      continue;
    }
    const { tree, nodes } = parseDocument(source, path);
    const file = new VFile({ path: shown });
    runRules(treeOnlyModel(shown, tree, nodes, config), file, [pathologicalMarkdown]);
    const diagnostics = toDiagnostics(file.messages);
    if (diagnostics.length > 0) reports.push({ path: shown, source, diagnostics });
  }
  return reports;
}
