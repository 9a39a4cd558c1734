import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { latestVersion } from '../model/plan-path.ts';
import { planTemplate } from '../model/plan-template.ts';
import { readProjectFile, unsafeFolderReason } from '../model/project-file.ts';
import { MAX_FILE_SIZE } from '../schemas/config-schema.ts';
import { nextVersionSource } from './next-version.ts';
import { CommandError, type CommandIo, UsageError } from './usage-error.ts';

const PLAN_ID = /^[a-z0-9][a-z0-9-]*$/;

export const NEW_OPTIONS = { title: { type: 'string' }, owner: { type: 'string' }, dir: { type: 'string', default: 'content/plans' } } as const;

/**
 * `pilotplan new <id>`: a first version from the template, or, for an existing plan, the next
 * version as a draft copy of the latest, which is how a plan changes after review.
 */
export function runNew(args: readonly string[], io: CommandIo, cwd: string, today: string): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: NEW_OPTIONS,
  });
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0) throw new UsageError('`new` takes exactly one plan id, such as `checkout-redesign`.');
  if (!PLAN_ID.test(id)) throw new UsageError(`Unexpected plan id \`${id}\`, expected lower-case letters, digits and hyphens, such as \`checkout-redesign\`.`);
  const folder = resolve(cwd, values.dir, id);
  const unsafe = unsafeFolderReason(folder, cwd);
  if (unsafe) throw new UsageError(`Unexpected --dir \`${values.dir}\`: \`${relative(cwd, folder) || folder}\` ${unsafe}, expected a folder inside the project, such as \`content/plans\`.`);
  const latest = existsSync(folder) ? latestVersion(folder) : null;
  mkdirSync(folder, { recursive: true });
  if (latest === null) {
    const path = join(folder, 'v1.mdx');
    writeFileSync(path, planTemplate({ id, title: values.title ?? id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), owner: values.owner ?? 'Product Owner', start: today }), { flag: 'wx' });
    io.logMessage(
      `Created ${relative(cwd, path)}.\n\nFill in the frontmatter (summary, owner, stories, cohort, start, duration) and replace each TBD.\nThen run \`npx pilotplan check ${relative(cwd, path)}\`: it lists every section still to write.`,
    );
    return 0;
  }
  const previous = join(folder, `v${latest}.mdx`);
  const next = join(folder, `v${latest + 1}.mdx`);
  const copy = nextVersionSource(readProjectFile(previous, folder, MAX_FILE_SIZE), latest + 1);
  if (copy === null) throw new CommandError(`${relative(cwd, previous)} has no readable frontmatter to copy; run \`npx pilotplan check ${relative(cwd, previous)}\` and fix it first.`);
  writeFileSync(next, copy, { flag: 'wx' });
  io.logMessage(`Created ${relative(cwd, next)} as a draft copy of v${latest}.\nEdit it, then run \`npx pilotplan check ${relative(cwd, next)}\`; the site shows what changed from v${latest}.`);
  return 0;
}
