import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { checkPlan } from '../engine/check-plan.ts';
import { type Diagnostic, toDiagnostics } from '../engine/file-report.ts';
import { FLAWED_FOLDER } from '../engine/plan-files.ts';
import { loadConfig } from '../model/load-config.ts';
import { readProjectFile, unsafeFileReason } from '../model/project-file.ts';

export interface FlawedPlan {
  slug: string;
  title: string;
  /** What the flaw teaches, from the file's first comment line. */
  lesson: string;
  source: string;
  diagnostics: Diagnostic[];
}

/**
 * The flawed plans in `content/flawed/`, each with the messages the real checker gives for it, so the
 * gallery cannot drift from the rules. Each is checked as if it were `content/plans/<slug>/v1.mdx`.
 */
export function flawedGallery(root = process.cwd()): FlawedPlan[] {
  const folder = resolve(root, 'content', FLAWED_FOLDER);
  const config = loadConfig(undefined, resolve(root, 'content'), root);
  return (
    readdirSync(folder)
      // The gallery prints each file whole: a link is never followed (the build's check reports it).
      .filter((name) => name.endsWith('.mdx') && unsafeFileReason(join(folder, name), folder) === null)
      .sort()
      .map((name) => {
        const source = readProjectFile(join(folder, name), folder, config.maxFileSize);
        const slug = basename(name, '.mdx');
        const { file } = checkPlan(source, `content/plans/${slug}/v1.mdx`, config);
        const lesson = /\{\/\*\s*lesson:\s*([\s\S]+?)\s*\*\/\}/.exec(source)?.[1] ?? '';
        const title = /^title:\s*(.+)$/m.exec(source)?.[1]?.replace(/^["']|["']$/g, '') ?? slug;
        return { slug, title, lesson, source, diagnostics: toDiagnostics(file.messages) };
      })
  );
}
