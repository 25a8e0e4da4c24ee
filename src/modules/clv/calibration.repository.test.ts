import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationSummary } from '../../engine/clv/index.js';
import { toDayNumber, toIsoDate } from '../../engine/index.js';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { readCalibrationSummary, readPurchaseDaysBetween } from './calibration.repository.js';

interface Order {
  customer: number;
  day: number;
  cents: number;
  status?: 'completed' | 'cancelled';
}

const START = toDayNumber('2024-01-01');
const THROUGH = toDayNumber('2024-12-31');

/** Deterministic orders: repeat buyers, same-day orders, one-time buyers, cancelled and late orders. */
function fixtureOrders(customerIds: number[]): Order[] {
  const orders: Order[] = [];
  customerIds.forEach((customer, c) => {
    if (c % 7 === 6) return; // no orders at all
    const days = c % 5 === 0 ? 1 : 2 + (c % 6);
    for (let k = 0; k < days; k++) {
      const day = START + c * 3 + k * (11 + (c % 9)) * 2;
      orders.push({ customer, day, cents: 1000 + ((c * 37 + k * 101) % 5000) });
      if ((c + k) % 4 === 0) orders.push({ customer, day, cents: 250 + k }); // same day: one purchase
    }
    if (c % 3 === 0) orders.push({ customer, day: START + 40, cents: 99_999, status: 'cancelled' });
    orders.push({ customer, day: THROUGH + 1 + c, cents: 777 }); // after the calibration end
  });
  return orders;
}

describe('calibration summary from the database', () => {
  let handle: DatabaseHandle;
  let ids: number[];
  let orders: Order[];
  beforeAll(async () => {
    handle = await openTestDatabase();
    const created = await handle.db
      .insertInto('customers')
      .values(Array.from({ length: 40 }, (_, i) => ({ name: `Calibration ${i}` })))
      .returning('id')
      .execute();
    ids = created.map((row) => row.id);
    orders = fixtureOrders(ids);
    await handle.db
      .insertInto('orders')
      .values(
        orders.map((o, i) => ({
          customer_id: o.customer,
          order_no: `CAL-${i}`,
          order_date: toIsoDate(o.day),
          amount: (o.cents / 100).toFixed(2),
          status: o.status ?? 'completed',
        })),
      )
      .execute();
  });
  afterAll(async () => handle.close());

  it('equals the pure calibration summary: same-day orders merged, one-time buyers, no orders left out', async () => {
    const live = orders.filter((o) => o.status !== 'cancelled');
    const pure = calibrationSummary(
      {
        customer: live.map((o) => o.customer),
        day: live.map((o) => o.day),
        amount: live.map((o) => o.cents / 100),
      },
      { calibrationEndDay: THROUGH, unit: 'weeks' },
    );
    const fromDb = await readCalibrationSummary(handle.db, { throughDay: THROUGH });
    expect(Array.from(fromDb.customerIds)).toEqual(Array.from(pure.customer));
    expect(Array.from(fromDb.x)).toEqual(Array.from(pure.x));
    expect(Array.from(fromDb.tx)).toEqual(Array.from(pure.tx));
    expect(Array.from(fromDb.T)).toEqual(Array.from(pure.T));
    expect(Array.from(fromDb.firstDay)).toEqual(Array.from(pure.firstDay));
    fromDb.zbar.forEach((z, i) => expect(z).toBeCloseTo(pure.zbar[i]!, 10));
    // The fixture has each kind of customer the rules distinguish.
    expect(fromDb.x.some((x) => x === 0)).toBe(true);
    expect(fromDb.customerIds).not.toContain(ids[6]);
    expect(fromDb.customerIds.length).toBeLessThan(ids.length);
  });

  it('counts a same-day pair of orders as one purchase with the day total as its spend', async () => {
    const customer = ids[3]!; // c = 3: its second purchase day (k = 1) has a second order, and a cancelled one
    const own = orders.filter((o) => o.customer === customer && o.status !== 'cancelled' && o.day <= THROUGH);
    const days = [...new Set(own.map((o) => o.day))].sort((a, b) => a - b);
    expect(own.length).toBeGreaterThan(days.length);
    const row = await readCalibrationSummary(handle.db, { throughDay: THROUGH, customerIds: [customer] });
    expect(row.x[0]).toBe(days.length - 1);
    const repeatCents = own.filter((o) => o.day !== days[0]).reduce((sum, o) => sum + o.cents, 0);
    expect(row.repeatSpendCents[0]).toBe(repeatCents);
  });

  it('a one-time buyer has x = 0, t_x = 0 and zero spend; a deleted customer is left out', async () => {
    const oneTime = ids[5]!;
    const summary = await readCalibrationSummary(handle.db, { throughDay: THROUGH, customerIds: [oneTime] });
    expect([summary.x[0], summary.tx[0], summary.zbar[0]]).toEqual([0, 0, 0]);
    await handle.db
      .updateTable('customers')
      .set({ deleted_at: new Date() })
      .where('id', '=', oneTime)
      .execute();
    const after = await readCalibrationSummary(handle.db, { throughDay: THROUGH, customerIds: [oneTime] });
    expect(after.customerIds.length).toBe(0);
    await handle.db.updateTable('customers').set({ deleted_at: null }).where('id', '=', oneTime).execute();
  });

  it('counts holdout purchase days after the calibration end', async () => {
    const holdout = await readPurchaseDaysBetween(handle.db, THROUGH, THROUGH + 100);
    expect(holdout.get(ids[0]!)).toBe(1);
    expect(holdout.has(ids[6]!)).toBe(false);
  });
});
