import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // End-to-end tests spawn Node; on a 2-core machine a few seconds is normal.
    testTimeout: 30_000,
  },
});
