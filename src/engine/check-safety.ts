import { relative, sep } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { VFile } from 'vfile';
import { readFrontmatter } from '../model/frontmatter.ts';
import { treeOnlyModel } from '../model/plan-model.ts';
import { ProjectFileError, readProjectFile } from '../model/project-file.ts';
import { parseDocument } from '../parse/parse-document.ts';
import type { Config } from '../schemas/config-schema.ts';
import { SAFETY_RULE_IDS } from '../schemas/rule-registry.ts';
import { diagnostic } from './cross-file-checks.ts';
import { linked, tooLarge } from './file-gate.ts';
import { type FileReport, toDiagnostics } from './file-report.ts';
import { FLAWED_FOLDER } from './plan-files.ts';
import { rules } from './rules/index.ts';
import mdxSyntax from './rules/mdx-syntax.ts';
import pathologicalMarkdown from './rules/pathological-markdown.ts';
import { runRules } from './run-rules.ts';

/** The rules that hold the trust boundary: no code, no raw HTML or unsafe URL, no shape that stalls the build. */
export const safetyRules = rules.filter((rule) => SAFETY_RULE_IDS.has(rule.meta.id));

export interface SafetyInput {
  path: string;
  /** The file's text, frontmatter included. */
  source: string;
  tree: Root;
  nodes: readonly Nodes[];
  config: Config;
  /** The file to record messages on; a new one when not given. */
  file?: VFile;
}

/**
 * Runs the safety rules alone on a parsed file, whatever it is: a page of the content folder that is not
 * a plan, a plan too deep to model, or, in the build, any file Astro compiles just before MDX turns it
 * into code. They read the tree and the frontmatter, so nothing else of a plan is built.
 */
export function checkSafety({ path, source, tree, nodes, config, file = new VFile({ path }) }: SafetyInput): VFile {
  runRules(treeOnlyModel(path, source, tree, nodes, config, readFrontmatter(source)), file, safetyRules);
  return file;
}

/**
 * Checks the pages of the content folder that are not plans with the safety rules, before Astro parses
 * any of them, and returns a report for each that has a problem. Astro's loader renders a `.md` page
 * that the remark plugin refuses as a blank page and goes on, so the build must stop here. The flawed
 * plans are shown as text and never compiled: only shapes that stall a parser are refused there.
 */
export function checkDocuments(paths: readonly string[], config: Config, cwd: string, contentDir: string): FileReport[] {
  const reports: FileReport[] = [];
  for (const path of paths) {
    const shown = relative(cwd, path) || path;
    let source: string;
    try {
      source = readProjectFile(path, cwd, config.maxFileSize);
    } catch (error) {
      if (!(error instanceof ProjectFileError)) throw error;
      const item = diagnostic(error.kind === 'too-large' ? tooLarge(error.size, config) : linked(error.reason), config);
      reports.push({ path: shown, source: '', diagnostics: item ? [item] : [] });
      continue;
    }
    const { tree, nodes, syntaxProblems } = parseDocument(source, path);
    const shownAsText = relative(contentDir, path).startsWith(`${FLAWED_FOLDER}${sep}`);
    const file = new VFile({ path: shown });
    // A page the build cannot compile fails it: said here, with the line, as for plans.
    const model = { ...treeOnlyModel(shown, source, tree, nodes, config, readFrontmatter(source)), syntaxProblems };
    runRules(model, file, shownAsText ? [pathologicalMarkdown] : [mdxSyntax, ...safetyRules]);
    const diagnostics = toDiagnostics(file.messages);
    if (diagnostics.length > 0) reports.push({ path: shown, source, diagnostics });
  }
  return reports;
}
