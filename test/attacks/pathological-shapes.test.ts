import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/engine/check-plan.ts';
import { MAX_DEPTH, MAX_MARKERS } from '../../src/engine/rules/pathological-markdown.ts';
import { ConfigSchema } from '../../src/schemas/config-schema.ts';
import { checkerHolds, frontEndsAgree } from '../fuzz/checker-property.ts';
import { withBody } from './attack-helpers.ts';

/*
 * Issue 17, item 4, as a property over generated shapes: the engine refuses a shape exactly when the
 * build's own parser (remark, as Astro's MDX pipeline runs it) reads it past the limits. With
 * test/attacks/build.test.ts, which builds the largest accepted shapes in bounded time, this says that
 * whatever passes `check` builds in bounded time. Sizes stay near the limits, so remark parses each
 * quickly; the shapes that took ten minutes are in build.test.ts.
 */
const unit = fc.constantFrom('*a', '*_', '_a', 'a_b ', '[a]', '**a** ', '~~a~~ ', '[x](y) ', '*a_', '[', ']');
const markers = fc.record({ kind: fc.constant('markers' as const), unit, count: fc.integer({ min: 1, max: MAX_MARKERS * 2 }), paragraphs: fc.integer({ min: 1, max: 3 }), cell: fc.boolean() });
const nesting = fc.record({ kind: fc.constant('nesting' as const), marker: fc.constantFrom('- ', '> ', '1. ', '* '), depth: fc.integer({ min: 1, max: MAX_DEPTH * 2 }), indented: fc.boolean() });

const shape = fc.oneof(markers, nesting).map((drawn) => {
  if (drawn.kind === 'markers') {
    const text = drawn.unit.repeat(drawn.count);
    const block = drawn.cell ? `| a | b |\n| - | - |\n| ${text} | x |` : text;
    return Array.from({ length: drawn.paragraphs }, () => block).join('\n\n');
  }
  if (!drawn.indented) return `${drawn.marker.repeat(drawn.depth)}x`;
  const width = drawn.marker === '1. ' ? 3 : 2;
  return Array.from({ length: drawn.depth }, (_, level) => `${' '.repeat(width * level)}${drawn.marker}x`).join('\n');
});

describe('generated pathological shapes', () => {
  it('are refused by the engine exactly when the build parser reads them past the limits', () => {
    const config = ConfigSchema().parse({});
    const verdicts = { refused: 0, accepted: 0 };
    fc.assert(
      fc.property(shape, (body) => {
        const source = withBody(body);
        checkerHolds(source);
        frontEndsAgree(source);
        const refused = checkPlan(source, 'content/plans/shape/v1.mdx', config).file.messages.some((message) => message.ruleId === 'pathological-markdown');
        verdicts[refused ? 'refused' : 'accepted']++;
      }),
      { numRuns: 150, seed: 20261206 },
    );
    // The generator reaches both sides of the limits, so the agreement above is tested on each.
    expect(verdicts.refused).toBeGreaterThan(30);
    expect(verdicts.accepted).toBeGreaterThan(30);
  });
});

describe('the limits, at their edge', () => {
  const config = ConfigSchema().parse({});
  const refusals = (body: string) =>
    checkPlan(withBody(body), 'content/plans/edge/v1.mdx', config)
      .file.messages.filter((message) => message.ruleId === 'pathological-markdown')
      .map((message) => message.reason.split(':')[0]);

  it.each([
    ['emphasis', '*a', 1],
    ['underscores inside words', 'a_b ', 1],
    ['brackets', '[a]', 2],
  ] as const)('%s: %i markers in a paragraph pass, one more is refused', (_name, unit, each) => {
    expect(refusals(unit.repeat(MAX_MARKERS / each))).toEqual([]);
    expect(refusals(`${unit.repeat(MAX_MARKERS / each)}*`)).toEqual([
      `Unexpected ${MAX_MARKERS + 1} emphasis, strikethrough and link markers (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`) in one paragraph, expected at most ${MAX_MARKERS}`,
    ]);
  });

  it('nesting: as deep as the limit passes, one level more is refused', () => {
    // Under the innermost quote come its paragraph and the paragraph's text: two levels more than the `>`s.
    expect(refusals(`${'> '.repeat(MAX_DEPTH - 2)}x`)).toEqual([]);
    expect(refusals(`${'> '.repeat(MAX_DEPTH - 1)}x`)).toEqual([`Unexpected nesting ${MAX_DEPTH + 1} levels deep (lists, quotes or elements inside one another), expected at most ${MAX_DEPTH}`]);
  });
});
