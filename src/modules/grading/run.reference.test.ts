import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../engine/metrics/dates.js';
import { referenceOrders } from '../../engine/testing/reference-data.js';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { runReferenceTiering, type TieringRow } from '../../testing/reference-tiering.js';
import { findModelByKey } from './model.repository.js';
import { readRunResults } from './run.repository.js';
import { executeRun } from './run.service.js';

const CUSTOMERS = 1500;
const AS_OF = '2025-01-01';
let handle: DatabaseHandle;
let reference: TieringRow[];

beforeAll(async () => {
  const orders = referenceOrders(CUSTOMERS, 7);
  reference = await runReferenceTiering(CUSTOMERS, orders);
  handle = await openTestDatabase();
  const db = handle.db;
  await db
    .insertInto('customers')
    .values(
      Array.from({ length: CUSTOMERS }, (_, i) => ({
        id: i + 1,
        code: `R${i + 1}`,
        name: `参考客户${i + 1}`,
      })),
    )
    .execute();
  const money = (cents: number) => (cents / 100).toFixed(2);
  for (let at = 0; at < orders.length; at += 4000) {
    const batch = orders.slice(at, at + 4000);
    await db
      .insertInto('orders')
      .values(
        batch.map((o) => ({
          id: o.id,
          customer_id: o.customerId,
          order_no: `RO${o.id}`,
          order_date: toIsoDate(o.orderDay),
          amount: money(o.amountCents),
          gross_profit: money(o.profitCents),
        })),
      )
      .execute();
    await db
      .insertInto('payments')
      .values(
        batch.map((o) => ({
          customer_id: o.customerId,
          order_id: o.id,
          due_date: toIsoDate(o.dueDay),
          paid_date: o.paidDay === null ? null : toIsoDate(o.paidDay),
          amount: money(o.amountCents),
        })),
      )
      .execute();
  }
}, 120_000);

afterAll(async () => handle.close());

async function runPreset(key: string) {
  const model = await findModelByKey(handle.db, key);
  const summary = await executeRun(handle.db, {
    modelId: model!.id,
    asOf: AS_OF,
    trigger: 'cli',
    startedBy: null,
  });
  return { summary, results: await readRunResults(handle.db, summary.runId) };
}

describe('a run of the reference presets over data loaded into the product schema', () => {
  it('reproduces tiering.sql exactly: population, composite and factor scores, A–D grades', async () => {
    const { results } = await runPreset('composite');
    expect(results.map((r) => r.customer_id)).toEqual(reference.map((r) => r.customer_id));
    const ladder = ['A', 'B', 'C', 'D'];
    results.forEach((r, i) => {
      const expected = reference[i]!;
      expect(r.score).toBe(expected.composite);
      expect(r.factor_scores).toEqual([expected.credit_score, expected.sales_score, expected.profit_score]);
      expect(ladder[r.grade]).toBe(expected.grade);
    });
  });

  it('reproduces the ABC classes', async () => {
    const { results } = await runPreset('abc');
    const byCustomer = new Map(results.map((r) => [r.customer_id, r.grade]));
    for (const row of reference) expect(['A', 'B', 'C'][byCustomer.get(row.customer_id)!]).toBe(row.abc);
  });

  it('reproduces the RFM codes', async () => {
    const { results } = await runPreset('rfm');
    const byCustomer = new Map(results.map((r) => [r.customer_id, r.rfm_code]));
    for (const row of reference) expect(byCustomer.get(row.customer_id)).toBe(row.rfm);
  });
});
