import { describe, expect, it } from 'vitest';
import { cases, misread } from '../criteria/composed-bullets.ts';

describe('a bullet reads as the composition of its parts, every combination', () => {
  it('reads every one as composed', () => {
    const all = cases();
    const wrong = misread(all);
    expect(wrong.slice(0, 20), `${wrong.length} of ${all.length} bullets read otherwise`).toEqual([]);
  });
});
