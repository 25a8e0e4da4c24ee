import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['src/testing/database-template.ts'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's loaded modules instead of importing the app again each (≈ 1 s a file, 150 s a
    // run). So no module may keep state about one database by a key another database reuses (ids start at 1 in
    // each): such state is keyed by the database handle, or by something the database itself made unique.
    isolate: false,
    maxWorkers: 2,
    // Browser tests poll the page; on a busy 2-core CI machine a second is not always enough for a render.
    expect: { poll: { timeout: 10_000 } },
  },
});
