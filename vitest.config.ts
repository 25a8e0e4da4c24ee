import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['src/testing/database-template.ts'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Browser tests poll the page; on a busy 2-core CI machine a second is not always enough for a render.
    expect: { poll: { timeout: 10_000 } },
  },
});
