import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeResults } from '../src/model/merge-results.ts';

describe('merging fetched observations into results.yaml', () => {
  const existing = `# Figures from the Friday review.
version: 2
observations:
  # Typed in from the survey.
  - criterion: CSAT
    value: 4.4
  - criterion: error rate
    window: 60m
    value: 9
  - criterion: Error rates
    value: 8
`;
  const merged = mergeResults(existing, 2, '2026-12-20T00:00:00.000Z', [
    { criterion: 'error rate', window: '1h', series: [{ at: '2026-12-07T00:00:00.000Z', value: 0.4 }] },
    { criterion: 'latency p95', series: [{ at: '2026-12-07T00:00:00.000Z', value: 0.2 }] },
  ] as never);

  it('replaces the same metric over a window of the same length, keeps the rest and their comments', () => {
    const data = parse(merged);
    expect(data.observations.map((observation: { criterion: string; window?: string }) => `${observation.criterion}@${observation.window ?? ''}`)).toEqual([
      'CSAT@',
      'Error rates@',
      'error rate@1h',
      'latency p95@',
    ]);
    expect(merged).toContain('# Typed in from the survey.');
    expect(merged).toContain('# Figures from the Friday review.');
    expect(data.updated).toBe('2026-12-20T00:00:00.000Z');
  });

  it('writes one line per reading', () => {
    expect(merged).toContain('- { at: 2026-12-07T00:00:00.000Z, value: 0.4 }');
  });

  it.each([
    ['no results file yet', null],
    ['an empty list', 'observations: []\n'],
  ])('writes one line per reading into %s, not the whole list on one line', (_, before) => {
    const written = mergeResults(before, 1, '2026-12-20T00:00:00.000Z', [
      {
        criterion: 'error rate',
        series: [
          { at: '2026-12-07T00:00:00.000Z', value: 0.4 },
          { at: '2026-12-07T00:01:00.000Z', value: 0.5 },
        ],
      },
    ] as never);
    expect(written.split('\n')).toContain('      - { at: 2026-12-07T00:01:00.000Z, value: 0.5 }');
    expect(parse(written).observations[0].series).toHaveLength(2);
  });
});
