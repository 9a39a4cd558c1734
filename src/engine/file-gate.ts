import { basename } from 'node:path';
import { unsafeFileReason } from '../model/project-file.ts';
import type { Config } from '../schemas/config-schema.ts';
import { type Said, said } from './rule.ts';
import checkTimeout from './rules/check-timeout.ts';
import fileTooLarge from './rules/file-too-large.ts';
import internalError from './rules/internal-error.ts';
import linkedFile from './rules/linked-file.ts';
import unsafeFileName from './rules/unsafe-file-name.ts';

/** The message for a file the checker itself failed on: the rest of the run goes on. */
export const checkerFailed = (reason: string): Said => said(internalError, 'failed', { reason });

/** A plan file the check stopped at its time limit; the other files were still checked. */
export const timedOut = (config: Config): Said => said(checkTimeout, 'timedOut', { seconds: config.timeLimit });

/** A plan file named like an option: tools the site runs would take it for one. */
export const optionLikeName = (name: string): Said => said(unsafeFileName, 'optionLike', { name });

/** A plan file over the configured size cap: reported from its size alone, never parsed. */
export const tooLarge = (size: number, config: Config): Said => said(fileTooLarge, 'tooLarge', { size: size.toLocaleString('en-US'), max: config.maxFileSize.toLocaleString('en-US') });

/** A file that may not be read: what it is, never what it holds. */
export const linked = (reason: string): Said => said(linkedFile, 'linked', { reason });

/**
 * Why a plan may not be checked at all, as `check` decides before it reads a file: a name like an
 * option, a link or a file behind a linked folder, a size over the cap. Null when it may.
 */
export function fileGate(path: string, root: string, size: number, config: Config): Said | null {
  if (basename(path).startsWith('-')) return optionLikeName(basename(path));
  const reason = unsafeFileReason(path, root);
  if (reason) return linked(reason);
  if (size > config.maxFileSize) return tooLarge(size, config);
  return null;
}
