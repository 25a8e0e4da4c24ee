import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connect.js';
import { openTestDatabase } from '../testing/test-database.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => handle.close());

const queueRowsPlannedFor = async () =>
  Number(
    (
      await sql<{
        rows: number;
      }>`SELECT reltuples AS rows FROM pg_class WHERE oid = 'state_refresh_queue'::regclass`.execute(
        handle.db,
      )
    ).rows[0]!.rows,
  );

describe('the refresh queue between writes', () => {
  it('is planned as empty after a bulk refresh that analyzed it full, so that the next single write reads one customer', async () => {
    const customers = await handle.db
      .insertInto('customers')
      .values(Array.from({ length: 300 }, (_, i) => ({ name: `队列客户${i}` })))
      .returning('id')
      .execute();
    await handle.db
      .insertInto('orders')
      .values(
        customers.map(({ id }, i) => ({
          customer_id: id,
          order_no: `Q-${i}`,
          order_date: '2025-03-01',
          amount: '100.00',
        })),
      )
      .execute();
    await handle.db.transaction().execute((trx) => sql`SELECT stratum_rebuild_state()`.execute(trx));
    expect(await queueRowsPlannedFor()).toBe(0);
    const state = await handle.db
      .selectFrom('customer_state')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(state.n)).toBe(300);
  });
});
