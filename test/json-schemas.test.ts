import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

// Editors read the committed copies; they must match what `pilotplan schema` prints from the zod schemas.
describe('committed JSON Schemas', () => {
  it.each([
    ['plan', 'pilot-plan.schema.json'],
    ['config', 'pilotplan-config.schema.json'],
  ])('%s matches public/schemas/%s (regenerate with `npx pilotplan schema <which> > …`)', async (which, file) => {
    let printed = '';
    await main({ argv: ['schema', which], logMessage: (text) => (printed += `${text}\n`), logError: () => {} });
    expect(readFileSync(new URL(`../public/schemas/${file}`, import.meta.url), 'utf8')).toBe(printed);
  });
});
