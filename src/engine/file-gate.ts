import { basename } from 'node:path';
import { unsafeFileMessage, unsafeFileReason } from '../model/project-file.ts';
import type { Config } from '../schemas/config-schema.ts';
import type { RuleId } from '../schemas/rule-registry.ts';

/** The message for a file the checker itself failed on: the rest of the run goes on. */
export const checkerFailed = (reason: string) => `The checker failed on this file (${reason}). The rest was checked; please report this file.`;

/** A plan file the check stopped at its time limit; the other files were still checked. */
export const timedOut = (config: Config) =>
  `Checking this file took longer than ${config.timeLimit} s (\`timeLimit\` in pilotplan.config.json), so it was stopped; the other files were checked. Look for deeply nested lists or quotes, or very long runs of brackets or markers.`;

/** A plan file named like an option: tools the site runs would take it for one. */
export const optionLikeName = (name: string) =>
  `Unexpected file name \`${name}\`, expected one that does not start with \`-\`: tools the site runs (git, among them) would take it for an option. Rename it.`;

/** A plan file over the configured size cap: reported from its size alone, never parsed. */
export const tooLarge = (size: number, config: Config) =>
  `Unexpected file of ${size.toLocaleString('en-US')} bytes, expected at most ${config.maxFileSize.toLocaleString('en-US')} (\`maxFileSize\` in pilotplan.config.json). Split the plan or shorten it; it was not checked.`;

/**
 * Why a plan may not be checked at all, as `check` decides before it reads a file: a name like an
 * option, a link or a file behind a linked folder, a size over the cap. Null when it may.
 */
export function fileGate(path: string, root: string, size: number, config: Config): { ruleId: RuleId; message: string } | null {
  if (basename(path).startsWith('-')) return { ruleId: 'unsafe-file-name', message: optionLikeName(basename(path)) };
  const reason = unsafeFileReason(path, root);
  if (reason) return { ruleId: 'linked-file', message: `${unsafeFileMessage(reason)} It was not read.` };
  if (size > config.maxFileSize) return { ruleId: 'file-too-large', message: tooLarge(size, config) };
  return null;
}
