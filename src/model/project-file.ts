import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/**
 * A file under `content/` that may not be read: plans, results, the catalogue and the config arrive by
 * pull request, and git checks out a symbolic link as a link, so one could point the checker or the
 * build at any file on the machine.
 */
export class ProjectFileError extends Error {
  override name = 'ProjectFileError';
  /** The file, as it was asked for. */
  readonly path: string;
  /** Whether the file may not be opened at all, or is only too large to read. */
  readonly kind: 'unsafe' | 'too-large';
  /** For a file too large to read, its size in bytes. */
  readonly size: number;
  /** For a file that may not be opened, what it is ("is a symbolic link"). */
  readonly reason: string;
  constructor(path: string, message: string, kind: 'unsafe' | 'too-large' = 'unsafe', size = 0, reason = '') {
    super(message);
    this.path = path;
    this.kind = kind;
    this.size = size;
    this.reason = reason;
  }
}

// A project's root resolves the same way for every file of a run; the native call is one system call,
// where Node's own walks every folder on the way.
const realRoots = new Map<string, string>();
const realRoot = (root: string) => realRoots.get(root) ?? realRoots.set(root, realpathSync.native(root)).get(root) ?? root;

/** Whether a linked folder between `root` and `path` leads elsewhere: its real path is not where it stands. */
const behindLink = (path: string, root: string) => realpathSync.native(path) !== resolve(realRoot(root), relative(resolve(root), resolve(path)));

/**
 * Why `path` may not be read as a file of the folder `root`: it is a symbolic link, it is not a regular
 * file (a FIFO or a device would block or never end), or a linked folder on the way leads it out of
 * `root`; null when it may be read or does not exist. Nothing is read and no link is followed to say so.
 */
export function unsafeFileReason(path: string, root: string): string | null {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch {
    return null;
  }
  if (stat.isSymbolicLink()) return 'is a symbolic link';
  if (!stat.isFile()) return 'is not a regular file';
  return behindLink(path, root) ? 'lies behind a linked folder' : null;
}

/**
 * Why a folder may not be written to as part of the project at `root`: it lies outside it, or it, or
 * the nearest part of it that exists, is a link or not a folder; null when it may.
 */
export function unsafeFolderReason(folder: string, root: string): string | null {
  const inside = relative(resolve(root), resolve(folder));
  if (inside.startsWith('..') || isAbsolute(inside)) return 'lies outside the project';
  let existing = resolve(folder);
  while (!present(existing)) existing = dirname(existing);
  const stat = lstatSync(existing);
  if (stat.isSymbolicLink()) return 'is a symbolic link';
  if (!stat.isDirectory()) return 'is not a folder';
  return behindLink(existing, root) ? 'lies behind a linked folder' : null;
}

/**
 * The folder links are judged from for a file a command was pointed at: the working folder when the
 * file is inside it, so a linked folder anywhere on the way is seen, else the file's own folder.
 */
export function projectRoot(path: string, cwd: string): string {
  const inside = relative(resolve(cwd), resolve(path));
  return inside.startsWith('..') || isAbsolute(inside) ? dirname(resolve(path)) : resolve(cwd);
}

/** The message for a file that may not be read: what it is and what to do, never what it holds. */
export function unsafeFileMessage(reason: string): string {
  return `Unexpected file that ${reason}, expected a regular file inside the project. Content arrives by pull request, so links are never followed; commit the file itself.`;
}

/** A file's size and modification time, without following a link, to notice a change; null when nothing is there. */
export function fileStamp(path: string): string | null {
  try {
    const stat = lstatSync(path);
    return `${stat.size}:${stat.mtimeMs}:${stat.isFile()}`;
  } catch {
    return null;
  }
}

/** Whether anything is at the path, a dangling link included, without following a link. */
export function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a project file as text after `unsafeFileReason` allows it, and at most `maxBytes` of it: larger
 * files are refused without being read whole. Throws `ProjectFileError` with a sentence, without the
 * path, that never quotes the file.
 */
export function readProjectFile(path: string, root: string, maxBytes: number): string {
  const reason = unsafeFileReason(path, root);
  if (reason) throw new ProjectFileError(path, unsafeFileMessage(reason), 'unsafe', 0, reason);
  // No link is followed and no FIFO waited on, even if the file was swapped after the check.
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) throw new ProjectFileError(path, unsafeFileMessage('is not a regular file'), 'unsafe', 0, 'is not a regular file');
    if (stat.size > maxBytes)
      throw new ProjectFileError(path, `Unexpected file of ${stat.size.toLocaleString('en-US')} bytes, expected at most ${maxBytes.toLocaleString('en-US')}. Shorten it.`, 'too-large', stat.size);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const got = readSync(descriptor, buffer, read, stat.size - read, read);
      if (got === 0) break;
      read += got;
    }
    return buffer.toString('utf8', 0, read);
  } finally {
    closeSync(descriptor);
  }
}
