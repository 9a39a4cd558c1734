import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:slow`: the long differential and property runs whose quick shares are in `npm test`.
// `.ci/run` runs them on every change; the time-outs are wide for the same reason as `npm test`'s.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/slow/**/*.slow.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
    // Removes each test file's scratch folders after it.
    setupFiles: ['test/remove-scratch.ts'],
  },
});
