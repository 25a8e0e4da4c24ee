import { describe } from 'vitest';

/**
 * For tests that open an embedded database of their own whatever database the suite runs on (the CLI as a person
 * runs it, the data directory's lock): the suite's PostgreSQL leg would repeat them unchanged, so they run in the
 * embedded leg only.
 */
export const describeEmbedded = describe.skipIf(Boolean(process.env.DATABASE_URL));
