import { describe, expect, it } from 'vitest';
import { withBody } from '../attacks/attack-helpers.ts';
import { build } from '../attacks/fixture-build.ts';
import { worstAcceptedBodies } from '../fixtures/hostile-shapes.ts';

describe('what passes the check builds in bounded time', { timeout: 600_000 }, () => {
  // What they cost against a plain plan is measured by `npm run bench`; here the build must finish
  // (the spawn's time-out stops a hang) and take them.
  it('the largest shapes the check accepts build', () => {
    const bodies = worstAcceptedBodies();
    const worst = build('worst-accepted', {
      'content/plans/emphasis/v1.mdx': withBody(bodies.emphasis).replace('Saved carts pilot', 'Emphasis pilot'),
      'content/plans/brackets/v1.mdx': withBody(bodies.brackets).replace('Saved carts pilot', 'Brackets pilot'),
      'content/plans/nested/v1.mdx': withBody(bodies.nested).replace('Saved carts pilot', 'Nested pilot'),
    });
    expect(worst.output).not.toContain('pathological-markdown');
    expect(worst.status).toBe(0);
  });
});
