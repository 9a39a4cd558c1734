import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { readFrontmatter, splitFrontmatter } from '../model/frontmatter.ts';
import type { Config } from '../schemas/config-schema.ts';
import { BaseRefError } from './base-ref-error.ts';
import { append, diagnostic } from './cross-file-checks.ts';
import type { FileReport } from './file-report.ts';
import { said } from './rule.ts';
import approvedImmutable from './rules/approved-immutable.ts';

const FROZEN = new Set(['approved', 'active', 'completed']);

/**
 * The commit a `--base` reference names. The reference comes from a user or a workflow, so it is read
 * as a reference and nothing else: `--end-of-options` keeps `--output=…` from being an option, and
 * `^{commit}` refuses anything that is not a commit.
 */
function baseCommit(git: (...args: string[]) => string, base: string): string {
  let commit = '';
  try {
    commit = git('rev-parse', '--verify', '--quiet', '--end-of-options', `${base}^{commit}`).trim();
  } catch {
    // Stays empty: reported below.
  }
  if (!/^[\da-f]{40,64}$/.test(commit)) throw new BaseRefError(`Unknown --base \`${base}\`: it names no commit in this repository. Pass a branch, tag or commit, such as \`origin/main\`.`);
  return commit;
}

/** The frontmatter without the fields that may change after approval, and the body, for comparison. */
function frozenParts(source: string): { status: unknown; rest: string } {
  const data = readFrontmatter(source)?.data;
  const block = splitFrontmatter(source);
  const body = block ? source.slice(block.offset + block.yaml.length).replace(/^\r?\n---[^\n]*\n?/, '') : source;
  const fields = data && typeof data === 'object' ? { ...(data as Record<string, unknown>) } : {};
  const status = fields.status;
  delete fields.status;
  delete fields.decision;
  return { status, rest: `${JSON.stringify(fields)}\u0000${body}` };
}

function firstChangedLine(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  const index = b.findIndex((line, position) => line !== a[position]);
  return index === -1 ? Math.max(1, b.length) : index + 1;
}

/**
 * Reports edits to versions that were approved, active or completed at a git reference. Status and
 * decision may still change; everything else is frozen once agreed.
 */
export function findFrozenEdits(reports: FileReport[], base: string, cwd: string, config: Config): FileReport[] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  let top: string;
  try {
    top = git('rev-parse', '--show-toplevel').trim();
  } catch {
    throw new BaseRefError(`--base needs a git repository, and ${cwd} is not in one. Run the check from a clone, or leave out --base.`);
  }
  const commit = baseCommit(git, base);
  const changed = new Set(
    git('diff', '--name-only', '--end-of-options', commit, '--', '.')
      .split('\n')
      .filter(Boolean)
      .map((path) => resolve(top, path)),
  );
  return reports.map((report) => {
    const absolute = resolve(cwd, report.path);
    if (!report.plan || !changed.has(absolute)) return report;
    let before: string;
    try {
      before = git('show', '--end-of-options', `${commit}:${relative(top, absolute).split('\\').join('/')}`);
    } catch {
      return report;
    }
    const old = frozenParts(before);
    if (typeof old.status !== 'string' || !FROZEN.has(old.status) || old.rest === frozenParts(report.source).rest) return report;
    return append(report, diagnostic(said(approvedImmutable, 'edited', { status: old.status, base, id: report.plan.id ?? '<id>' }), config, firstChangedLine(before, report.source)));
  });
}
