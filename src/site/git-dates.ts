import { execFileSync } from 'node:child_process';

let cache: Map<string, Date> | undefined;

/**
 * The last commit date of every file under a folder, from one `git log`, so pages can show when a
 * plan last changed without one git call per page. Outside a git checkout the map is empty.
 */
export function lastCommitDates(folder = 'content'): Map<string, Date> {
  if (cache) return cache;
  cache = new Map();
  let log = '';
  try {
    log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--', folder], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return cache;
  }
  for (const commit of log.split('\u0000').slice(1)) {
    const [date = '', ...files] = commit.trim().split('\n');
    for (const file of files) if (file && !cache.has(file)) cache.set(file, new Date(date));
  }
  return cache;
}
