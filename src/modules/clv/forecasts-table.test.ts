import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import type { ClvTables } from './clv.tables.js';

describe('customer_forecasts (migration 012)', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle.close());

  it('keeps one forecast per customer, defaults to no churn risk and goes with its customer', async () => {
    const { id } = await handle.db
      .insertInto('customers')
      .values({ name: 'Forecast Co' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const db = handle.db.withTables<ClvTables>();
    await db
      .insertInto('customer_forecasts')
      .values({
        customer_id: id,
        run_id: null,
        as_of: '2026-01-31',
        p_alive: 0.5,
        expected_purchases_12m: 1.25,
        clv_12m: '12.34',
        churn_reason: null,
      })
      .execute();
    const row = await db.selectFrom('customer_forecasts').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ customer_id: id, churn_risk: false, clv_12m: '12.34', p_alive: 0.5 });
    await expect(
      db
        .insertInto('customer_forecasts')
        .values({
          customer_id: id,
          as_of: '2026-01-31',
          run_id: null,
          p_alive: null,
          expected_purchases_12m: null,
          clv_12m: null,
          churn_reason: null,
        })
        .execute(),
    ).rejects.toThrow();
    await sql`DELETE FROM customers WHERE id = ${id}`.execute(handle.db);
    expect(await db.selectFrom('customer_forecasts').selectAll().execute()).toEqual([]);
  });
});
