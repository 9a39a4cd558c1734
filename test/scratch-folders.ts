import { rmSync } from 'node:fs';

// Scratch folders the running test file made. Helper modules load once per worker when files share
// workers, so a hook of theirs would run after the first file alone; `remove-scratch.ts`, a setup
// file, runs with every file.
const made: string[] = [];

/** Records a scratch folder for removal after the test file that made it; returns it. */
export function removedAfterFile(path: string): string {
  made.push(path);
  return path;
}

/** Removes the scratch folders recorded so far. */
export function removeScratch(): void {
  for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
}
