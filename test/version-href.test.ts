import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { latestVersionRedirects } from '../src/site/version-href.ts';

const content = fileURLToPath(new URL('../content', import.meta.url));

describe('latest version addresses', () => {
  it('each plan\u2019s latest /v<N>/ redirects to its own page; older versions keep theirs', () => {
    const redirects = latestVersionRedirects(content, ['plans', 'examples', 'missing']);
    expect(redirects['/plans/checkout-redesign/v2/']).toEqual({ status: 301, destination: '/plans/checkout-redesign/' });
    expect(redirects['/examples/webhooks-v2/v2/']).toEqual({ status: 301, destination: '/examples/webhooks-v2/' });
    expect(redirects['/plans/checkout-redesign/v1/']).toBeUndefined();
    expect(Object.keys(redirects)).toHaveLength(9);
  });
});
