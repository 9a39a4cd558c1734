import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from './export-helpers.ts';
import { differential } from './prometheus-differential.ts';
import { prometheusTests } from './promtool.ts';

// Every plan goes through the differential in `npm run test:slow`; here, the plan whose criteria use the
// most of the translation (baselines both ways, a range, a run of checks, holds, a percentile) and a hostile title.
describe('exported alerts fire exactly when `evaluate` says', () => {
  it.runIf(prometheusTests)('content/examples/webhooks-v2/v2.mdx', () => differential('content/examples/webhooks-v2/v2.mdx'));
  // Annotations are Go templates that Prometheus runs: a plan's title must arrive as text, not as template code.
  it.runIf(prometheusTests)('a title written as template code stays text', () => {
    const source = readFileSync(join(repo, 'content/plans/checkout-redesign/v2.mdx'), 'utf8');
    const title = 'Pilot {{ .Labels }} {{ $value }} {{ template "x" }} {{ printf "%s" "{{" }}';
    const hostile = source.replace(/^title: .*$/m, `title: '${title}'`).replace(/^status: .*$/m, 'status: draft');
    expect(hostile).toContain(title);
    differential('content/plans/checkout-redesign/v3.mdx', hostile.replace(/^version: 2$/m, 'version: 3'));
  });
});
