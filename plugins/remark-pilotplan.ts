import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { checkParsed } from '../src/engine/check-plan.ts';
import { checkSafety } from '../src/engine/check-safety.ts';
import { toDiagnostics } from '../src/engine/file-report.ts';
import { formatPretty } from '../src/engine/formats/format-pretty.ts';
import { isPlanFile } from '../src/engine/plan-files.ts';
import { cleanSharedReport, recordRefusal } from '../src/engine/shared-reports.ts';
import { loadConfig } from '../src/model/load-config.ts';
import { resultsForPlan } from '../src/model/plan-results.ts';
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

/** Refuses a file: the build stops here, and again at its end should Astro carry on without the page. */
function refuse(report: string, loc: { file: string; line: number; column: number }): never {
  recordRefusal(report);
  throw new PlanCheckError(report, loc);
}

/** Stops the build on a file's first error, with the checker's report of all of them. */
function stopOnErrors(file: VFile, before: number, source: string): void {
  const first = file.messages.slice(before).find((message) => message.fatal);
  if (!first) return;
  refuse(formatPretty([{ path: relative(process.cwd(), file.path), source, diagnostics: toDiagnostics(file.messages.slice(before)) }], { color: false }), {
    file: file.path,
    line: first.line ?? 1,
    column: first.column ?? 1,
  });
}

/**
 * Checks each file of the content folder as Astro's Markdown and MDX pipelines compile it, before MDX
 * turns it into code. Every such file gets the safety rules, whatever the config and ignore comments
 * say, and plans get every rule. The tree is the one Astro parsed; only the frontmatter is read again
 * from disk, because Astro blanks it out of the text it hands to remark. A plan the build's pre-check
 * already passed, with the same text, gets no rule but the safety rules a second time.
 */
export default function remarkPilotplan(options: RemarkPilotplanOptions = {}) {
  const given = resolve(options.contentDir ?? 'content');
  // Vite hands over real paths, so the content folder is compared as a real path too.
  const contentDir = existsSync(given) ? realpathSync.native(given) : given;
  const projectDir = dirname(contentDir);
  const config = loadConfig(options.config, contentDir);
  // The site's own pages and the packages it runs are trusted code; everything else is content.
  const sources = join(projectDir, 'src') + sep;
  const trusted = (path: string) => path.startsWith(sources) || path.split(sep).includes('node_modules');
  return (tree: Root, file: VFile): void => {
    const path = file.path;
    if (!path) return;
    const inContent = !relative(contentDir, path).startsWith('..');
    if (!inContent && trusted(path)) return;
    const before = file.messages.length;
    // A file outside the content folder reached the build through a link the pre-check did not see:
    // its tree is still held to the safety rules, and its text is read from where it really is.
    const unsafe = inContent ? unsafeFileReason(path, projectDir) : null;
    if (unsafe) refuse(`${relative(process.cwd(), path)}: ${unsafeFileMessage(unsafe)}`, { file: path, line: 1, column: 1 });
    const source = readProjectFile(path, inContent ? projectDir : dirname(path), Number.POSITIVE_INFINITY);
    const nodes = treeNodes(tree);
    checkSafety({ path, source, tree, nodes, config, file });
    stopOnErrors(file, before, source);
    if (!inContent || options.rules === 'safety' || !isPlanFile(path, contentDir, config, true) || cleanSharedReport(path, source)) return;
    const fence = findUnclosedFence(nodes, source);
    checkParsed({ source, path, tree, nodes, syntaxProblems: fence ? [fence] : [], config, results: resultsForPlan(path), file });
    stopOnErrors(file, before, source);
  };
}
