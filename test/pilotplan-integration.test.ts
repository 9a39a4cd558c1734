import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import pilotplan from '../plugins/pilotplan-integration.ts';
import { removedAfterFile } from './scratch-folders.ts';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

describe('the integration on a site without plans', () => {
  it('a missing content folder is said in a sentence with the fix, without a stack trace', async () => {
    const root = removedAfterFile(fileURLToPath(new URL('.tmp/integration-no-content', import.meta.url)));
    mkdirSync(root, { recursive: true });
    const setup = pilotplan().hooks['astro:config:setup'] as Setup;
    const run = setup({ command: 'build', config: { root: pathToFileURL(`${root}/`) }, logger: {}, updateConfig: () => ({}) } as unknown as Parameters<Setup>[0]);
    const error = await Promise.resolve(run).then(
      () => null,
      (thrown: unknown) => thrown as Error & { hint?: string },
    );
    expect(error?.message).toBe(`No content folder at ${root}/content.`);
    expect(error?.hint).toContain('npx pilotplan new <id>');
    expect(error?.stack).toBe('');
  });
});
