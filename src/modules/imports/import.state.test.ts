import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { systemActor } from '../auth/actor.js';
import { runImport } from './pipeline.js';

/**
 * An import keeps the per-customer state the grading reads (its inserts go through the state triggers in the
 * import's transaction): a first history, orders added to it, and a re-import each leave the state equal to a
 * rebuild from the raw rows.
 */
const admin = systemActor;
let handle: DatabaseHandle;
const dir = mkdtempSync(join(tmpdir(), 'stratum-import-state-'));

const mapping = {
  order_no: { column: '订单号' },
  customer_code: { column: '客户编号' },
  order_date: { column: '成交日期' },
  amount: { column: '金额' },
  gross_profit: { column: '毛利' },
};
const importOrders = (name: string, rows: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, ['订单号,客户编号,成交日期,金额,毛利', ...rows].join('\n'));
  return runImport(handle, admin, {
    entity: 'orders',
    files: [{ path }],
    mapping,
    createCustomers: true,
  });
};

async function stateTables() {
  const months = await sql`SELECT * FROM customer_month_stats ORDER BY customer_id, month`.execute(handle.db);
  const state = await sql`SELECT * FROM customer_state ORDER BY customer_id`.execute(handle.db);
  return {
    months: months.rows,
    state: state.rows.map((row): Record<string, unknown> => ({
      ...(row as Record<string, unknown>),
      updated_at: undefined,
    })),
  };
}

async function expectStateEqualsRebuild() {
  const kept = await stateTables();
  await sql`SELECT stratum_rebuild_state()`.execute(handle.db);
  expect(kept).toEqual(await stateTables());
  return kept;
}

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle.close());

describe('the state an orders import leaves', () => {
  it('a first history of new customers is counted in full', async () => {
    const result = await importOrders('history.csv', [
      'H-1,K001,2024-01-05,1200.50,300.10',
      'H-2,K001,2024-01-20,99.50,',
      'H-3,K001,2024-03-02,500.00,-20.00',
      'H-4,K002,2023-12-31,10.00,1.00',
      'H-5,K002,2024-02-29,7500.25,1500.05',
    ]);
    expect(result.inserted).toBe(5);
    const { state } = await expectStateEqualsRebuild();
    expect(state.map((row) => [row.order_count, row.amount, row.first_order, row.last_order])).toEqual([
      [3, '1800.00', '2024-01-05', '2024-03-02'],
      [2, '7510.25', '2023-12-31', '2024-02-29'],
    ]);
  });

  it('a month of orders added to those histories is merged into the same months', async () => {
    const result = await importOrders('april.csv', ['H-6,K001,2024-03-15,100.00,10.00']);
    expect(result.inserted).toBe(1);
    const { state, months } = await expectStateEqualsRebuild();
    expect(state[0]).toMatchObject({ order_count: 4, amount: '1900.00', last_order: '2024-03-15' });
    expect(months.filter((row) => (row as { month: string }).month === '2024-03-01')).toHaveLength(1);
  });

  it('re-importing the same history changes no state', async () => {
    const before = await stateTables();
    const again = await importOrders('history-again.csv', [
      'H-1,K001,2024-01-05,1200.50,300.10',
      'H-2,K001,2024-01-20,99.50,',
    ]);
    expect([again.inserted, again.updated]).toEqual([0, 0]);
    expect(await expectStateEqualsRebuild()).toEqual(before);
  });
});
