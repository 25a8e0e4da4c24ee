import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { findModelByKey } from './model.repository.js';
import { executeRun } from './run.service.js';
import { customersWithOneOrderEach } from './testing/one-order-each.js';

const CUSTOMERS = 400;
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
  await customersWithOneOrderEach(handle.db, CUSTOMERS, 'S');
});
afterAll(async () => handle.close());

const bytesOfCurrentGrades = async () =>
  (
    await sql<{
      bytes: string;
    }>`SELECT pg_relation_size('customer_grades')::text AS bytes`.execute(handle.db)
  ).rows[0]!.bytes;

describe('current grades on disk', () => {
  it('a run that keeps every grade rewrites the current grades in place, without growing the table', async () => {
    const modelId = (await findModelByKey(handle.db, 'composite'))!.id;
    const run = () => executeRun(handle.db, { modelId, asOf: '2025-01-01', trigger: 'cli', startedBy: null });
    await run();
    const afterFirst = await bytesOfCurrentGrades();
    const second = await run();
    expect(second.changed).toBe(0);
    expect(await bytesOfCurrentGrades()).toBe(afterFirst);
  });
});
