import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distinctCriteria } from './distinct-criteria.ts';

const SEEDS = ['checkout-redesign/v2.mdx', 'mobile-offline-notes/v1.mdx', 'partner-api-rate-limits/v1.mdx'];
const WORDS = ['invoice', 'checkout', 'sync', 'export', 'search', 'login', 'reporting', 'upload', 'billing', 'notification', 'profile', 'catalogue'];

/** A small deterministic generator, so every run measures the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const list = (bullets: readonly string[]) => bullets.map((bullet) => `- ${bullet}\n`).join('');

/**
 * Writes `count` realistic plans (about 4 KB each, every tenth with three versions) under
 * `<root>/content/plans/`, varied from the repository's own plans, with 8 exit criteria and 6 rollback
 * triggers each composed so that no two plans share a bullet. Returns the number of plan files written.
 */
export function generateCorpus(root: string, count: number, repo: string): number {
  const seeds = SEEDS.map((seed) => readFileSync(join(repo, 'content/plans', seed), 'utf8').replace(/^decision:\n(?:\s+.*\n)+/m, ''));
  const next = random(count);
  let files = 0;
  for (let index = 0; index < count; index++) {
    const id = `pilot-${String(index).padStart(5, '0')}`;
    const word = WORDS[index % WORDS.length] ?? 'feature';
    const versions = index % 10 === 0 ? 3 : 1;
    mkdirSync(join(root, 'content/plans', id), { recursive: true });
    for (let version = 1; version <= versions; version++) {
      const base = seeds[index % seeds.length] ?? '';
      const text = base
        .replace(/^title: .*$/m, `title: ${word[0]?.toUpperCase()}${word.slice(1)} pilot ${index}`)
        .replace(/^version: \d+$/m, `version: ${version}`)
        .replace(/^status: .*$/m, `status: ${version === versions ? 'active' : 'completed'}`)
        .replace(/(## (?:Exit|Success) Criteria\n\n)(?:- .*\n)+/, (_, heading: string) => `${heading}${list(distinctCriteria(word, 'exit', 8, next))}`)
        .replace(/(### Triggers\n\n)(?:- .*\n)+/, (_, heading: string) => `${heading}${list(distinctCriteria(word, 'rollback', 6, next))}`)
        .replace(/## Risks\n/, `## Risks\n\n- Pilot ${index} of the ${word} service, version ${version}, may behave differently at scale.\n`);
      writeFileSync(join(root, 'content/plans', id, `v${version}.mdx`), text);
      files++;
    }
  }
  return files;
}
