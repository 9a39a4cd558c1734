import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/engine/check-plan.ts';
import { planCriteria } from '../../src/model/plan-criteria.ts';
import { ConfigSchema } from '../../src/schemas/config-schema.ts';

// `- >= 10 tickets` is a block quote to Markdown: read as what is left, `= 10`, it decided go/no-go wrong.
const base = readFileSync(new URL('../fixtures/required-section/ok.mdx', import.meta.url), 'utf8');
const config = ConfigSchema().parse({});

describe('a bullet that starts with `>`', () => {
  it.each([
    ['>= 10 tickets', 'at least 10 tickets'],
    ['> 2% error rate', 'more than 2% error rate'],
    // Verbatim from a payroll go-live plan (github:africanuspanga/payroll-chap/docs/ops/launch/phase4-go-live-waves.md).
    ['>= 90% successful first payroll run', 'at least 90% successful first payroll run'],
    // Verbatim from a maintenance-technician pilot's go/no-go table (github:TCash92/quarrycmms).
    ['>60% of technicians using app daily', 'more than 60% of technicians using app daily'],
  ])('`%s` is reported with a rewrite, never read', (bullet, rewrite) => {
    const source = base.replace('- Error rate ≤ 0.5%', `- Error rate ≤ 0.5%\n- ${bullet}`);
    const { file, model } = checkPlan(source, 'content/plans/quoted/v1.mdx', config);
    const messages = file.messages.filter((message) => message.ruleId === 'quantitative-criterion').map((message) => message.reason);
    // The message quotes the bullet as Markdown gave it back: `>60%` as `> 60%`.
    expect(messages).toEqual([expect.stringContaining(`Unclear exit criterion \`${bullet.replace(/^>(?=\d)/, '> ')}\``)]);
    expect(messages[0]).toContain('starts with `>`, which Markdown reads as a quote mark');
    expect(messages[0]).toContain(`such as \`${rewrite}\``);
    const read = planCriteria(model).exit.map((criterion) => criterion.text);
    expect(read).toContain('Error rate ≤ 0.5%');
    expect(read.filter((text) => text.includes('10 tickets') || text.includes('error rate'))).toEqual([]);
  });
});
