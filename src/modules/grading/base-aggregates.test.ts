import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import {
  baseAggregateColumns,
  readBaseAggregates,
  type BaseAggregates,
} from './base-aggregates.repository.js';
import { planAsOf, type Lateness } from './base-aggregates.sql.js';

let handle: DatabaseHandle;

/** A small deterministic generator: the data set must be the same on every run and database. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const day = (base: string, offset: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const random = prng(20250101);
  await db
    .insertInto('customers')
    .values(Array.from({ length: 25 }, (_, i) => ({ code: `C${i}`, name: `客户${i}` })))
    .execute();
  const orders = [];
  const payments = [];
  const activities = [];
  for (let i = 0; i < 400; i++) {
    const customer = 1 + Math.floor(random() * 22);
    const orderDate = day('2022-01-01', Math.floor(random() * 1100));
    const amount = (Math.floor(random() * 10_000_000) / 100).toFixed(2);
    orders.push({
      customer_id: customer,
      order_no: `O${i}`,
      order_date: orderDate,
      amount,
      gross_profit: random() < 0.1 ? null : ((Math.floor(random() * 4_000_000) - 500_000) / 100).toFixed(2),
      status: random() < 0.05 ? ('cancelled' as const) : ('completed' as const),
      discount: random() < 0.3 ? (Math.floor(random() * 50_000) / 100).toFixed(2) : '0',
    });
    const due = day(orderDate, 30);
    const roll = random();
    payments.push({
      customer_id: customer,
      due_date: due,
      paid_date: roll < 0.15 ? null : day(due, Math.floor(random() * 90) - 20),
      amount,
    });
  }
  for (let i = 0; i < 200; i++) {
    const hour = Math.floor(random() * 24);
    activities.push({
      customer_id: 1 + Math.floor(random() * 20),
      kind: 'call' as const,
      at: `${day('2022-06-01', Math.floor(random() * 900))}T${String(hour).padStart(2, '0')}:30:00Z`,
      subject: '回访',
    });
  }
  await db.insertInto('orders').values(orders).execute();
  await db.insertInto('payments').values(payments).execute();
  await db.insertInto('activities').values(activities).execute();
});

afterAll(async () => handle.close());

/** The same figures straight from the raw rows, written the obvious way. */
async function naive(asOf: string, windowMonths: number, lateness: Lateness): Promise<BaseAggregates> {
  const plan = planAsOf(asOf, windowMonths);
  const a = plan.asOf;
  const ws = plan.ranges.window.from!;
  const ps = plan.ranges.previous.from!;
  const paidBy =
    lateness === 'final'
      ? sql`coalesce(p.paid_date, ${a}::date)`
      : sql`CASE WHEN p.paid_date < ${a}::date THEN p.paid_date ELSE ${a}::date END`;
  const outstanding =
    lateness === 'final' ? sql`p.paid_date IS NULL` : sql`(p.paid_date IS NULL OR p.paid_date >= ${a}::date)`;
  const rows = await sql<Record<string, number | null>>`
    SELECT c.id AS customer_id,
      o.first_order - DATE '1970-01-01' AS first_order_day, o.last_order - DATE '1970-01-01' AS last_order_day,
      coalesce(o.n, 0) AS order_count, (coalesce(o.total, 0) * 100)::bigint AS amount_total_cents,
      (coalesce(o.sales_w, 0) * 100)::bigint AS sales_window_cents,
      CASE WHEN coalesce(o.n_w, 0) = 0 OR o.profit_known_w > 0 THEN (coalesce(o.profit_w, 0) * 100)::bigint END AS profit_window_cents,
      coalesce(o.n_w, 0) AS orders_window, (coalesce(o.sales_p, 0) * 100)::bigint AS sales_prev_window_cents,
      (coalesce(o.discount_w, 0) * 100)::bigint AS discount_window_cents,
      coalesce(p.late_days, 0) AS late_days_sum, coalesce(p.n, 0) AS due_invoice_count,
      coalesce(p.late_n, 0) AS late_invoice_count, (coalesce(p.late_amount_days, 0) * 100)::bigint AS late_amount_days_sum_cents,
      (coalesce(p.due_amount, 0) * 100)::bigint AS due_amount_cents, (coalesce(p.overdue, 0) * 100)::bigint AS overdue_amount_cents,
      act.last_contact - DATE '1970-01-01' AS last_contact_day, coalesce(act.n_w, 0) AS contacts_window
    FROM customers c
    LEFT JOIN LATERAL (
      SELECT min(order_date) first_order, max(order_date) last_order, count(*) n, sum(amount) total,
             sum(amount) FILTER (WHERE order_date >= ${ws}::date) sales_w,
             sum(coalesce(gross_profit, 0)) FILTER (WHERE order_date >= ${ws}::date) profit_w,
             count(gross_profit) FILTER (WHERE order_date >= ${ws}::date) profit_known_w,
             count(*) FILTER (WHERE order_date >= ${ws}::date) n_w,
             sum(discount) FILTER (WHERE order_date >= ${ws}::date) discount_w,
             sum(amount) FILTER (WHERE order_date >= ${ps}::date AND order_date < ${ws}::date) sales_p
      FROM orders WHERE customer_id = c.id AND status <> 'cancelled' AND order_date < ${a}::date) o ON true
    LEFT JOIN LATERAL (
      SELECT count(*) n, sum(amount) due_amount,
             sum(greatest(0, ${paidBy} - p.due_date)) late_days,
             count(*) FILTER (WHERE ${paidBy} > p.due_date) late_n,
             sum(amount * greatest(0, ${paidBy} - p.due_date)) late_amount_days,
             sum(amount) FILTER (WHERE ${outstanding}) overdue
      FROM payments p WHERE p.customer_id = c.id AND p.due_date < ${a}::date) p ON true
    LEFT JOIN LATERAL (
      SELECT max(stratum_business_date(at)) last_contact,
             count(*) FILTER (WHERE stratum_business_date(at) >= ${ws}::date) n_w
      FROM activities WHERE customer_id = c.id AND stratum_business_date(at) < ${a}::date) act ON true
    ORDER BY c.id`.execute(handle.db);
  const columns = Object.fromEntries(
    baseAggregateColumns.map((name) => [
      name,
      Float64Array.from(rows.rows, (r) => (r[name] === null ? Number.NaN : Number(r[name]))),
    ]),
  );
  return { customerIds: Int32Array.from(rows.rows, (r) => Number(r.customer_id)), columns } as BaseAggregates;
}

const asOfDates = fc.oneof(
  fc.constantFrom('2023-01-01', '2024-01-01', '2024-03-31', '2024-02-29', '2025-01-15', '2022-01-01'),
  fc.integer({ min: 0, max: 1300 }).map((offset) => day('2021-12-01', offset)),
);

describe('per-customer state evaluated as of a date', () => {
  it('equals the aggregate over raw rows for any as-of date, window and lateness rule', async () => {
    await fc.assert(
      fc.asyncProperty(
        asOfDates,
        fc.constantFrom(1, 3, 12),
        fc.constantFrom<Lateness>('point_in_time', 'final'),
        async (asOf, months, lateness) => {
          const fromState = await readBaseAggregates(handle.db, { asOf, windowMonths: months, lateness });
          const fromRaw = await naive(asOf, months, lateness);
          expect(Array.from(fromState.customerIds)).toEqual(Array.from(fromRaw.customerIds));
          for (const name of baseAggregateColumns) {
            expect({ name, values: Array.from(fromState.columns[name]) }).toEqual({
              name,
              values: Array.from(fromRaw.columns[name]),
            });
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reads only the requested customers', async () => {
    const some = await readBaseAggregates(handle.db, {
      asOf: '2024-07-01',
      windowMonths: 12,
      lateness: 'final',
      customerIds: [3, 5],
    });
    expect(Array.from(some.customerIds)).toEqual([3, 5]);
    const none = await readBaseAggregates(handle.db, {
      asOf: '2024-07-01',
      windowMonths: 12,
      lateness: 'final',
      customerIds: [],
    });
    expect(none.customerIds.length).toBe(0);
  });

  it('categorical attributes come dictionary-coded: one entry per distinct value, NULL as −1', async () => {
    const industries = ['制造业', '零售', '制造业', null];
    for (const [k, industry] of industries.entries())
      await handle.db
        .updateTable('customers')
        .set({ industry })
        .where('id', '=', k + 1)
        .execute();
    const result = await readBaseAggregates(handle.db, {
      asOf: '2024-07-01',
      windowMonths: 12,
      lateness: 'final',
      customerIds: [1, 2, 3, 4],
    });
    expect(result.attributes.industry).toEqual({
      codes: Int32Array.from([0, 1, 0, -1]),
      dictionary: ['制造业', '零售'],
    });
    await handle.db.updateTable('customers').set({ industry: null }).where('id', '<=', 4).execute();
  });

  it('a customer with no orders has NaN dates and zero sums', async () => {
    const result = await readBaseAggregates(handle.db, {
      asOf: '2024-07-01',
      windowMonths: 12,
      lateness: 'final',
      customerIds: [25],
    });
    expect(result.columns.first_order_day[0]).toBeNaN();
    expect(result.columns.order_count[0]).toBe(0);
    expect(result.columns.sales_window_cents[0]).toBe(0);
  });

  it('boundaries on the 1st of the month read no raw rows', () => {
    expect(planAsOf('2025-01-01', 12).partialMonths).toEqual([]);
    expect(planAsOf('2025-01-15', 12).partialMonths).toEqual(['2025-01-01', '2024-01-01', '2023-01-01']);
  });
});
