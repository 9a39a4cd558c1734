import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isLatestVersionAddress } from '../src/site/version-href.ts';

const content = fileURLToPath(new URL('../content', import.meta.url));

describe('latest version addresses, which redirect and stay out of the sitemap', () => {
  it.each([
    ['https://pilotplan.github.io/plans/checkout-redesign/v2/', true],
    ['/plans/checkout-redesign/v1/', false],
    ['/plans/checkout-redesign/', false],
    ['/plans/checkout-redesign/v2/changes/', false],
    ['/plans/no-such-plan/v1/', false],
    ['/plans/../plans/checkout-redesign/v2/', true],
  ])('%s → %s', (url, expected) => {
    expect(isLatestVersionAddress(url, content)).toBe(expected);
  });
});
