import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

// Editors read the committed copies; they must match what `pilotplan schema` prints from the zod schemas.
describe('committed JSON Schemas', () => {
  it.each([
    ['plan', 'pilot-plan.schema.json'],
    ['config', 'pilotplan-config.schema.json'],
    ['metrics', 'metrics.schema.json'],
    ['criteria', 'criterion.schema.json'],
    ['evaluation', 'evaluation.schema.json'],
  ])('%s matches public/schemas/%s (regenerate with `npx pilotplan schema <which> > …`)', async (which, file) => {
    let printed = '';
    await main({ argv: ['schema', which], logMessage: (text) => (printed += `${text}\n`), logError: () => {} });
    expect(readFileSync(new URL(`../public/schemas/${file}`, import.meta.url), 'utf8')).toBe(printed);
  });
});

describe('the criterion JSON Schema', () => {
  it('accepts every criterion `check --format json` prints for the repository, and `--criteria` prints it too', async () => {
    let schema = '';
    await main({ argv: ['schema', '--criteria'], logMessage: (text) => (schema += text), logError: () => {} });
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(JSON.parse(schema));
    let output = '';
    await main({ argv: ['check', '--format', 'json', '--no-cache'], cwd: fileURLToPath(new URL('..', import.meta.url)), logMessage: (text) => (output += text), logError: () => {} });
    const criteria = JSON.parse(output).files.flatMap((file: { criteria: { exit: unknown[]; rollback: unknown[] } }) => [...file.criteria.exit, ...file.criteria.rollback]);
    expect(criteria.length).toBeGreaterThan(50);
    for (const criterion of criteria) expect(validate(criterion) ? null : validate.errors).toBeNull();
    expect(validate({ ...criteria[0], percentile: 100 })).toBe(false);
    expect(validate({ ...criteria[0], extra: 1 })).toBe(false);
  });
});

describe('the evaluation JSON Schema', () => {
  it('accepts what `evaluate --format json` prints for every plan with results in the repository, as the README describes it', async () => {
    let schema = '';
    await main({ argv: ['schema', 'evaluation'], logMessage: (text) => (schema += text), logError: () => {} });
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(JSON.parse(schema));
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const plans = ['content/plans/checkout-redesign/v2.mdx', 'content/plans/mobile-offline-notes/v1.mdx', 'content/plans/partner-api-rate-limits/v1.mdx'];
    for (const plan of plans) {
      let output = '';
      await main({ argv: ['evaluate', plan, '--format', 'json'], cwd, logMessage: (text) => (output += text), logError: () => {} });
      const report = JSON.parse(output);
      expect(validate(report) ? null : validate.errors).toBeNull();
      // The README's contract: every outcome carries the criterion's fields beside its result.
      for (const outcome of [...report.criteria, ...report.triggers])
        expect(Object.keys(outcome)).toEqual(expect.arrayContaining(['text', 'line', 'metric', 'comparator', 'value', 'unit', 'threshold', 'status', 'observed', 'shown', 'note']));
    }
    expect(validate({ decision: 'maybe', reasons: [], criteria: [], triggers: [] })).toBe(false);
  });
});
