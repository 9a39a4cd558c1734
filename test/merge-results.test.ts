import { describe, expect, it } from 'vitest';
import { isMap, isSeq, parse, YAMLSeq } from 'yaml';
import { mergeResults } from '../src/model/merge-results.ts';
import { parseYamlDocument } from '../src/model/yaml-document.ts';

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

// The document as the YAML library alone writes it, every reading a node: what setting series aside must equal.
function libraryMerge(existing: string | null, version: number, updated: string, fetched: ReadonlyArray<{ criterion: string; window?: string; series: unknown[] }>): string {
  const document = parseYamlDocument(existing ?? 'observations: []\n');
  document.set('version', version);
  document.set('updated', updated);
  const key = (criterion: unknown, window: unknown) => `${criterion}@${window === '60m' ? '1h' : (window ?? '')}`;
  const fetchedKeys = new Set(fetched.map((observation) => key(observation.criterion, observation.window)));
  const current = document.get('observations', true);
  const observations = isSeq(current) ? current : new YAMLSeq();
  observations.flow = false;
  observations.items = observations.items.filter((item) => !(isMap(item) && fetchedKeys.has(key(item.get('criterion'), item.get('window')))));
  for (const observation of fetched) {
    const node = document.createNode(observation);
    const points = node.get('series', true);
    if (isSeq(points)) for (const point of points.items) if (isMap(point)) point.flow = true;
    observations.items.push(node);
  }
  document.set('observations', observations);
  return document.toString({ lineWidth: 0 });
}

describe('a week of readings set aside from the YAML library, written back as it would write them', () => {
  const point = (minute: number, value: number, baseline?: number) => ({ at: new Date(Date.UTC(2026, 11, 7, 0, minute)).toISOString(), value, ...(baseline === undefined ? {} : { baseline }) });
  const values = [0, -0, 0.4, -3, 1e21, 1e-7, 0.1 + 0.2, 1.234_567_890_123_456_7e19, 2.5];
  const series = (length: number, offset: number, withBaseline = false) =>
    Array.from({ length }, (_, minute) => point(minute, values[(minute + offset) % values.length] ?? 0, withBaseline ? minute / 7 : undefined));
  const fetched = [
    { criterion: 'error rate', window: '1h', series: series(12, 0) },
    { criterion: 'latency p95', series: series(5, 3, true) },
    { criterion: 'new metric', series: series(3, 5) },
  ];
  // Files as a fetch wrote them, and as people edit them: comments, other spacing, other number forms.
  const existing: Record<string, string | null> = {
    'no file': null,
    'a file a fetch wrote': libraryMerge(null, 1, '2026-12-14T00:00:00.000Z', fetched.slice(0, 2)),
    'readings written by hand in other forms': `version: 1
observations:
  - criterion: CSAT
    series:
      - {at: 2026-12-07T00:00:00.000Z, value: 4.4}
      - { at: 2026-12-07T00:01:00.000Z, value: 0.10 }
      - at: 2026-12-07T00:02:00.000Z
        value: 4
  - criterion: error rate
    window: 60m
    series:
      - { at: 2026-12-07T00:00:00.000Z, value: 9 }
`,
    'a comment, a blank line and four-space indents among the readings': `# Friday's figures.
observations:
    - criterion: kept
      series:
        - { at: 2026-12-07T00:00:00.000Z, value: 1 }
        # Outage: the next reading was typed in.
        - { at: 2026-12-07T00:01:00.000Z, value: 2 }

        - { at: 2026-12-07T00:02:00.000Z, value: 3 }
    - criterion: also kept
      series:
          - { at: 2026-12-07T00:00:00.000Z, value: 5 }
      note: keeps its place
    - criterion: latency p95
      series:
        - { at: 2026-12-07T00:00:00.000Z, value: 1, baseline: 2 }
`,
    'readings inside a block of text': `observations:
  - criterion: kept
    value: 1
    note: |
      series:
        - { at: 2026-12-07T00:00:00.000Z, value: 1 }
      is what the export looks like, and
      series:
          - { at: 2026-12-07T00:00:00.000Z, value: 1 }
      is not
    series:
      - { at: 2026-12-07T00:00:00.000Z, value: 7 }
      - { at: 2026-12-07T00:01:00.000Z, value: 8, baseline: 7.5 }
`,
  };

  it.each(Object.entries(existing))('%s', (_, before) => {
    expect(mergeResults(before, 2, '2026-12-20T00:00:00.000Z', fetched)).toBe(libraryMerge(before, 2, '2026-12-20T00:00:00.000Z', fetched));
  });

  it('a placeholder written into the file stands for nothing', () => {
    const before = 'observations:\n  - criterion: kept\n    series: pilotplan-series-0\n';
    expect(mergeResults(before, 2, 'u', fetched)).toBe(libraryMerge(before, 2, 'u', fetched));
  });
});
