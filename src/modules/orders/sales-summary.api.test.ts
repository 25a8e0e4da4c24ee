import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, json, openRecordWorld, type RecordWorld } from '../audit/api-fixtures.js';
import { csvRows } from '../exports/testing/read-back.js';
import type { SalesSummaryView as Summary } from './sales-summary.schema.js';

/**
 * Hand-built sales. March 2025 (31 days) is compared with the 31 days before it, 2025-01-29 … 2025-02-28:
 *   east1 (rep east 1)  03-05 1,000.00 cost 800 · 03-20 500.50 profit unknown · 03-25 9,999.00 cancelled
 *                        02-20 300.00 (the period before)
 *   east2 (rep east 2)  03-10 2,000.00 cost 1,500
 *   south1 (rep south)  03-15 0.10 cost 0.05
 *   unowned             01-10 100.00 (in neither period)
 */
let w: RecordWorld;
const MARCH = 'from=2025-03-01&to=2025-03-31';

beforeAll(async () => {
  w = await openRecordWorld();
  const order = async (client: RecordWorld['admin'], customerId: number, orderDate: string, fields: object) =>
    created(
      await client('POST', '/api/orders', {
        customerId,
        orderNo: `S-${customerId}-${orderDate}`,
        orderDate,
        ...fields,
      }),
    );
  await order(w.repEast1, w.customers.east1, '2025-03-05', { amount: '1000.00', cost: '800.00' });
  await order(w.repEast1, w.customers.east1, '2025-03-20', { amount: '500.50' });
  await order(w.repEast1, w.customers.east1, '2025-03-25', { amount: '9999.00', status: 'cancelled' });
  await order(w.repEast1, w.customers.east1, '2025-02-20', { amount: '300.00' });
  await order(w.repEast2, w.customers.east2, '2025-03-10', { amount: '2000.00', cost: '1500.00' });
  await order(w.repSouth1, w.customers.south1, '2025-03-15', { amount: '0.10', cost: '0.05' });
  await order(w.admin, w.customers.unowned, '2025-01-10', { amount: '100.00' });
});

afterAll(async () => w.t.close());

const summary = async (client: RecordWorld['admin'], query: string) =>
  (await json(await client('GET', `/api/sales-summary?${query}`))) as unknown as Summary;

describe('sales summary', () => {
  it('sums a period’s sales exactly, leaves cancelled orders out, and sets the period before beside it', async () => {
    const report = await summary(w.admin, MARCH);
    expect(report).toMatchObject({ previousFrom: '2025-01-29', previousTo: '2025-02-28' });
    expect(report.total).toEqual({
      orders: 4,
      amount: '3500.60',
      grossProfit: '700.05',
      profitedAmount: '3000.10',
      customers: 3,
      previousAmount: '300.00',
      target: null,
      attainment: null,
    });
    const { repEast1, repEast2, repSouth1 } = w.t.people;
    expect(report.owners.map((o) => [o.ownerId, o.amount])).toEqual([
      [repEast2, '2000.00'],
      [repEast1, '1500.50'],
      [repSouth1, '0.10'],
    ]);
    expect(report.owners[1]).toMatchObject({
      ownerName: '张三',
      previousAmount: '300.00',
      grossProfit: '200.00',
    });
  });

  it("a rep's summary holds their own customers only; a manager's their team's", async () => {
    const mine = await summary(w.repEast1, MARCH);
    expect(mine.owners.map((o) => o.ownerId)).toEqual([w.t.people.repEast1]);
    expect(mine.total).toMatchObject({ amount: '1500.50', orders: 2, previousAmount: '300.00' });
    const asking = await summary(w.repEast1, `${MARCH}&ownerId=${w.t.people.repEast2}`);
    expect(asking.total).toMatchObject({ orders: 0, amount: '0.00' });
    expect(asking.owners).toEqual([]);
    expect((await summary(w.managerSouth, MARCH)).total.amount).toBe('0.10');
    expect((await summary(w.admin, `${MARCH}&teamId=${w.t.people.teamEast}`)).total.amount).toBe('3500.50');
  });

  it('defaults to the month of the last day, and refuses a period that ends before it starts', async () => {
    const month = await summary(w.admin, 'to=2025-03-31');
    expect(month).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
    const response = await w.admin('GET', '/api/sales-summary?from=2025-04-01&to=2025-03-31');
    expect(response.status).toBe(400);
    const body = JSON.stringify(await response.json());
    expect(body).toContain('from');
    expect(body).toContain('晚于结束日期');
  });
});

describe('the order list across customers', () => {
  it("narrows to an owner's orders in a period, names the owner, and exports them with their status", async () => {
    const page = (await json(
      await w.admin('GET', `/api/orders?${MARCH}&ownerId=${w.t.people.repEast1}`),
    )) as unknown as { items: { amount: string; ownerName: string; customerCode: string }[]; total: number };
    expect(page.items.map((o) => o.amount)).toEqual(['9999.00', '500.50', '1000.00']);
    expect(page.items[0]).toMatchObject({ ownerName: '张三', customerCode: 'E1' });
    const rows = await csvRows(await w.repEast2('GET', `/api/exports/orders?format=csv&${MARCH}`));
    expect(rows.slice(1).map((row) => [row[0], row[4], row[7]])).toEqual([['E2', '2000.00', '已完成']]);
  });
});
