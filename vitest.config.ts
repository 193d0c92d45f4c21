import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summaryReporter.ts'],
    // The browser suite serves dist/client; build it once before any suite starts.
    globalSetup: ['./test/browser/globalSetup.ts'],
    // Server suites start real servers and databases; forks keep native modules isolated.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
