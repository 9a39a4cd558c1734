import { readFileSync } from 'node:fs';
import * as satteri from 'satteri';
import { describe, expect, it, vi } from 'vitest';
import { checkPlan } from '../src/engine/check-plan.ts';
import { ConfigSchema } from '../src/schemas/config-schema.ts';

// Counts the parser's calls: recovery must cost a fixed number of parses, not one per error.
vi.mock('satteri', async (original) => {
  const actual = await original<typeof satteri>();
  return { ...actual, mdxToMdast: vi.fn(actual.mdxToMdast), markdownToMdast: vi.fn(actual.markdownToMdast) };
});

const base = readFileSync(new URL('fixtures/required-section/ok.mdx', import.meta.url), 'utf8');
const config = ConfigSchema().parse({});

describe('recovery from bare `<`', () => {
  // Each bare `<` once cost a whole parse: a 12 KB plan with 199 of them took 2.2 s, and 76 KB ran out of time.
  it('a 76 KB plan with 2,400 of them: each reported, the rest checked, in three parses', () => {
    const paragraph = 'Keep the error rate <1% and the p95 latency <300 ms during the pilot, checked <5 times a day.\n\n';
    const source = base.replace('## Scope\n', `## Scope\n\n${paragraph.repeat(800)}`).replace('- Error rate ≤ 0.5%', '- Error rate ≤ 0.5%\n- Performance is acceptable');
    expect(source.length).toBeGreaterThan(76_000);
    vi.mocked(satteri.mdxToMdast).mockClear();
    vi.mocked(satteri.markdownToMdast).mockClear();
    const { file } = checkPlan(source, 'content/plans/many-less-than/v1.mdx', config);
    const lessThan = file.messages.filter((message) => message.ruleId === 'mdx-syntax');
    expect(lessThan).toHaveLength(2_400);
    expect(new Set(lessThan.map((message) => `${message.line}:${message.column}`)).size).toBe(2_400);
    // The rest of the file was read: the vague criterion after all of them is still found.
    expect(file.messages.map((message) => message.ruleId)).toContain('quantitative-criterion');
    expect(vi.mocked(satteri.mdxToMdast)).toHaveBeenCalledTimes(2);
    expect(vi.mocked(satteri.markdownToMdast)).toHaveBeenCalledTimes(1);
  });
});
