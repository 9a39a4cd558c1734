import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// A file that mocks a module needs a module graph of its own; the rest share their workers.
const mocking = ['test/linear-recovery.test.ts'];

// `npm test`. Timeouts are wide on purpose: a test may never fail because the machine is busy
// (the suite must pass with both cores loaded); speed targets live in `npm run bench`.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // Vitest keeps one core free by default, which runs the files one after another on two cores.
    maxWorkers: 2,
    // Removes each test file's scratch folders after it.
    setupFiles: ['test/remove-scratch.ts'],
    projects: [
      // `npm run test:slow` runs test/slow/*.slow.ts, the long runs whose quick shares are here.
      // Sharing workers saves a fresh process and module graph for each of the fifty files.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: mocking, isolate: false } },
      { extends: true, test: { name: 'isolated', include: mocking } },
    ],
  },
});
