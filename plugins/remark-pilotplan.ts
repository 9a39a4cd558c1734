import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { loadConfig } from '../src/model/load-config.ts';
import { isPlanFile } from '../src/engine/plan-files.ts';
import { resultsForPlan } from '../src/model/plan-results.ts';
import { cleanSharedReport } from '../src/engine/shared-reports.ts';
import { toDiagnostics } from '../src/engine/file-report.ts';
import { formatPretty } from '../src/engine/formats/format-pretty.ts';
import { checkParsed } from '../src/engine/check-plan.ts';
import { treeNodes } from '../src/model/tree-nodes.ts';
import { findUnclosedFence } from '../src/parse/unclosed-fence.ts';

export interface RemarkPilotplanOptions {
  /** The folder holding plans; files outside it, or ignored by the config, are left alone. */
  contentDir?: string;
  /** The config file; defaults to `<contentDir>/pilotplan.config.json`. */
  config?: string;
}

/** Thrown to stop the build; Astro shows `loc` in its error overlay. */
class PlanCheckError extends Error {
  override name = 'PlanCheckError';
  loc: { file: string; line: number; column: number };
  // @astrojs/mdx rebuilds `loc` from these when it rethrows.
  line: number;
  column: number;
  constructor(message: string, loc: { file: string; line: number; column: number }) {
    super(message);
    this.loc = loc;
    this.line = loc.line;
    this.column = loc.column;
    // The message already lists every problem with its position; a stack into the checker adds nothing.
    this.stack = '';
  }
}

/**
 * Checks each plan as Astro's MDX pipeline compiles it. The tree is the one Astro parsed; only the
 * frontmatter is read again from disk, because Astro blanks it out of the text it hands to remark.
 * A file the build's pre-check already passed, with the same text, is not checked twice.
 */
export default function remarkPilotplan(options: RemarkPilotplanOptions = {}) {
  const contentDir = resolve(options.contentDir ?? 'content');
  const config = loadConfig(options.config, contentDir);
  return (tree: Root, file: VFile): void => {
    if (!file.path || !isPlanFile(file.path, contentDir, config, true)) return;
    const source = readFileSync(file.path, 'utf8');
    if (cleanSharedReport(file.path, source)) return;
    const before = file.messages.length;
    const nodes = treeNodes(tree);
    const fence = findUnclosedFence(nodes, source);
    checkParsed({ source, path: file.path, tree, nodes, syntaxProblems: fence ? [fence] : [], config, results: resultsForPlan(file.path), file });
    const errors = file.messages.slice(before).filter((message) => message.fatal);
    const first = errors[0];
    if (!first) return;
    const report = formatPretty([{ path: relative(process.cwd(), file.path), source, diagnostics: toDiagnostics(file.messages.slice(before)) }], { color: false });
    throw new PlanCheckError(report, { file: file.path, line: first.line ?? 1, column: first.column ?? 1 });
  };
}
