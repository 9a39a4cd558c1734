import fc from 'fast-check';
import { checkPlan } from '../../src/engine/check-plan.ts';
import { MAX_DEPTH, MAX_MARKERS } from '../../src/engine/rules/pathological-markdown.ts';
import { ConfigSchema } from '../../src/schemas/config-schema.ts';
import { checkerHolds, frontEndsAgree } from '../fuzz/checker-property.ts';
import { withBody } from './attack-helpers.ts';

/*
 * Issue 17, item 4, as a property over generated shapes: the engine refuses a shape exactly when the
 * build's own parser (remark, as Astro's MDX pipeline runs it) reads it past the limits. With
 * test/slow/largest-accepted-shapes.slow.ts, which builds the largest accepted shapes in bounded time, this says that
 * whatever passes `check` builds in bounded time. Sizes stay near the limits, so remark parses each
 * quickly; the shapes that took ten minutes are in test/attacks/build.test.ts.
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

/** Runs the property over `numRuns` shapes and counts each side of the limits, which both must be reached. */
export function shapeVerdicts(numRuns: number, seed: number): { refused: number; accepted: number } {
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
    { numRuns, seed },
  );
  return verdicts;
}
