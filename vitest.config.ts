import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The reliability suite has its own command (npm run test:reliability) and config.
    exclude: ['test/reliability/**', '**/node_modules/**'],
    pool: 'forks',
    testTimeout: 20_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
