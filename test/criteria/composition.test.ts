import { describe, expect, it } from 'vitest';
import { readCriterion } from '../../src/criteria/criteria-grammar.ts';
import { cases, misread } from './composed-bullets.ts';

// Every combination is read in `npm run test:slow`; here every seventh: thousands, with each lead, metric, comparison, quantity and window among them.
describe('a bullet reads as the composition of its parts', () => {
  const all = cases();
  const share = all.filter((_, index) => index % 7 === 0);

  it('generates thousands of distinct bullets', () => {
    expect(all.length).toBeGreaterThan(5000);
    expect(share.length).toBeGreaterThan(5000);
    expect(new Set(all.map((each) => `${each.kind} ${each.text}`)).size).toBe(all.length);
  });

  it('reads every one of a seventh of them as composed', () => {
    const wrong = misread(share);
    expect(wrong.slice(0, 20), `${wrong.length} of ${share.length} bullets read otherwise`).toEqual([]);
  });
  it.each([' despite heavy rain', ' unless the vendor agrees', ', or when the queue backs up'])('never reads a bullet with words it cannot place: "…%s"', (tail) => {
    const read = all.filter((_, index) => index % 16 === 0).filter(({ text, kind }) => readCriterion(`${text}${tail}`, { kind }).status === 'read');
    expect(read.map(({ text }) => `${text}${tail}`).slice(0, 10)).toEqual([]);
  });
});
