import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm test`. Timeouts are wide on purpose: a test may never fail because the machine is busy
// (the suite must pass with both cores loaded); speed targets live in `npm run bench`.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    // `npm run test:slow` runs test/slow/*.slow.ts, the long runs whose quick shares are here.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // Vitest keeps one core free by default, which runs the files one after another on two cores.
    maxWorkers: 2,
  },
});
