// `npm run test:reliability`: kill -9 during answers and scheduled posts, locked and damaged databases, hostile input.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reliability-results.json' },
  },
});
