import { dirname, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { loadConfig } from '../src/model/load-config.ts';
import { isPlanFile } from '../src/engine/plan-files.ts';
import { resultsForPlan } from '../src/model/plan-results.ts';
import { cleanSharedReport } from '../src/engine/shared-reports.ts';
import { toDiagnostics } from '../src/engine/file-report.ts';
import { formatPretty } from '../src/engine/formats/format-pretty.ts';
import { checkParsed } from '../src/engine/check-plan.ts';
import { checkSafety } from '../src/engine/check-safety.ts';
import { readProjectFile, unsafeFileMessage, unsafeFileReason } from '../src/model/project-file.ts';
import { treeNodes } from '../src/model/tree-nodes.ts';
import { findUnclosedFence } from '../src/parse/unclosed-fence.ts';

export interface RemarkPilotplanOptions {
  /** The content folder: every file in it gets the safety rules, and its plans every rule; files outside it are left alone. */
  contentDir?: string;
  /** The config file; defaults to `<contentDir>/pilotplan.config.json`. */
  config?: string;
  /** `safety` runs the safety rules alone, on every file (the bench's build without checks); default `all`. */
  rules?: 'all' | 'safety';
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

/** Stops the build on a file's first error, with the checker's report of all of them. */
function stopOnErrors(file: VFile, before: number, source: string): void {
  const first = file.messages.slice(before).find((message) => message.fatal);
  if (!first) return;
  const report = formatPretty([{ path: relative(process.cwd(), file.path), source, diagnostics: toDiagnostics(file.messages.slice(before)) }], { color: false });
  throw new PlanCheckError(report, { file: file.path, line: first.line ?? 1, column: first.column ?? 1 });
}

/**
 * Checks each file of the content folder as Astro's Markdown and MDX pipelines compile it, before MDX
 * turns it into code. Every such file gets the safety rules, whatever the config and ignore comments
 * say, and plans get every rule. The tree is the one Astro parsed; only the frontmatter is read again
 * from disk, because Astro blanks it out of the text it hands to remark. A plan the build's pre-check
 * already passed, with the same text, gets no rule but the safety rules a second time.
 */
export default function remarkPilotplan(options: RemarkPilotplanOptions = {}) {
  const contentDir = resolve(options.contentDir ?? 'content');
  const config = loadConfig(options.config, contentDir);
  return (tree: Root, file: VFile): void => {
    if (!file.path || relative(contentDir, file.path).startsWith('..')) return;
    const before = file.messages.length;
    const unsafe = unsafeFileReason(file.path, dirname(contentDir));
    if (unsafe) throw new PlanCheckError(`${relative(process.cwd(), file.path)}: ${unsafeFileMessage(unsafe)}`, { file: file.path, line: 1, column: 1 });
    const source = readProjectFile(file.path, dirname(contentDir), Number.POSITIVE_INFINITY);
    const nodes = treeNodes(tree);
    checkSafety({ path: file.path, tree, nodes, config, file });
    stopOnErrors(file, before, source);
    if (options.rules === 'safety' || !isPlanFile(file.path, contentDir, config, true) || cleanSharedReport(file.path, source)) return;
    const fence = findUnclosedFence(nodes, source);
    checkParsed({ source, path: file.path, tree, nodes, syntaxProblems: fence ? [fence] : [], config, results: resultsForPlan(file.path), file });
    stopOnErrors(file, before, source);
  };
}
