import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/engine/check-plan.ts';
import { MAX_DEPTH, MAX_MARKERS } from '../../src/engine/rules/pathological-markdown.ts';
import { ConfigSchema } from '../../src/schemas/config-schema.ts';
import { withBody } from './attack-helpers.ts';
import { shapeVerdicts } from './pathological-property.ts';

// A share of the property's runs; `npm run test:slow` runs ten times as many.
describe('generated pathological shapes', () => {
  it('are refused by the engine exactly when the build parser reads them past the limits', () => {
    const verdicts = shapeVerdicts(60, 20261206);
    // The generator reaches both sides of the limits, so the agreement above is tested on each.
    expect(verdicts.refused).toBeGreaterThan(12);
    expect(verdicts.accepted).toBeGreaterThan(12);
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
  ] as const)('%s: as many markers in a paragraph as the limit allows pass, one more is refused', (_name, unit, each) => {
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
