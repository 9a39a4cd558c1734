import { describe, expect, it } from 'vitest';
import { shapeVerdicts } from '../attacks/pathological-property.ts';

describe('generated pathological shapes, ten times as many as in npm test', () => {
  it('are refused by the engine exactly when the build parser reads them past the limits', () => {
    const verdicts = shapeVerdicts(600, 20261207);
    expect(verdicts.refused).toBeGreaterThan(120);
    expect(verdicts.accepted).toBeGreaterThan(120);
  });
});
