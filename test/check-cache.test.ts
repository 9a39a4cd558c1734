import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckCache } from '../src/engine/check-cache.ts';

const project = mkdtempSync(join(tmpdir(), 'pilotplan-cache-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the check cache', () => {
  it('writes, an entry at a time, the JSON a reader of the whole would write, and reads it back', () => {
    const cache = new CheckCache(true, project);
    const diagnostic = { ruleId: 'unbound-metric', severity: 'warning' as const, message: 'Unbound metric `error rate` "quoted", with \\ and ≤', line: 3, column: 1, url: undefined };
    // Enough entries to be written in more than one batch, with names that need escaping; each looked up first, as a run does.
    for (let index = 0; index < 4000; index++) cache.get(`content/plans/p-${index}/v1 "x".mdx`, `key-${index}`);
    for (let index = 0; index < 4000; index++)
      cache.set(`content/plans/p-${index}/v1 "x".mdx`, `key-${index}`, { diagnostics: [{ ...diagnostic, line: index }], criteria: { exit: [], rollback: [] } });
    cache.save();
    const file = join(project, 'node_modules/.cache/pilotplan/check.json');
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(written.entries)).toHaveLength(4000);
    // JSON leaves out an undefined `url`, as JSON.stringify of the whole would.
    const { url: _, ...stored } = diagnostic;
    expect(written.entries['content/plans/p-3999/v1 "x".mdx']).toEqual({ key: 'key-3999', diagnostics: [{ ...stored, line: 3999 }] });
    const again = new CheckCache(true, project);
    expect(again.get('content/plans/p-17/v1 "x".mdx', 'key-17')).toEqual({ diagnostics: [expect.objectContaining({ line: 17, message: diagnostic.message })] });
    expect(again.get('content/plans/p-17/v1 "x".mdx', 'key-17', { criteria: true })).toEqual(expect.objectContaining({ criteria: { exit: [], rollback: [] } }));
  });
});
