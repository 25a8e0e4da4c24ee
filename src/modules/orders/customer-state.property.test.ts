import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';

/**
 * The per-customer state kept by the triggers on orders, payments and activities must always equal what a full
 * rebuild computes from the raw rows, whatever sequence of inserts, updates and deletes came before.
 */
let handle: DatabaseHandle;
let customerIds: number[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  const rows = await handle.db
    .insertInto('customers')
    .values(['甲', '乙', '丙'].map((name) => ({ name: `${name}公司` })))
    .returning('id')
    .execute();
  customerIds = rows.map((row) => row.id);
});

afterAll(async () => handle.close());

beforeEach(async () => {
  const db = handle.db;
  await db.deleteFrom('payments').execute();
  await db.deleteFrom('orders').execute();
  await db.deleteFrom('activities').execute();
});

const day = fc.integer({ min: 0, max: 3 * 365 }).map((offset) => {
  const date = new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000);
  return date.toISOString().slice(0, 10);
});
const cents = fc.integer({ min: 0, max: 5_000_000 }).map((value) => (value / 100).toFixed(2));
const customer = fc.nat(2);
const pick = fc.nat(50);
const status = fc.constantFrom('completed', 'confirmed', 'cancelled' as const);
const instant = fc
  .integer({ min: 0, max: 3 * 365 * 24 })
  .map((hours) => new Date(Date.UTC(2023, 0, 1) + hours * 3_600_000).toISOString());

type Operation =
  | {
      op: 'insertOrder';
      customer: number;
      date: string;
      amount: string;
      profit: string | null;
      status: string;
    }
  | { op: 'updateOrder'; pick: number; date: string; amount: string; status: string }
  | { op: 'deleteOrder'; pick: number }
  | { op: 'insertPayment'; customer: number; due: string; paid: string | null; amount: string }
  | { op: 'updatePayment'; pick: number; due: string; paid: string | null }
  | { op: 'shiftPayments'; customer: number; days: number }
  | { op: 'deletePayment'; pick: number }
  | { op: 'insertActivity'; customer: number; at: string }
  | { op: 'updateActivity'; pick: number; at: string }
  | { op: 'deleteActivity'; pick: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    op: fc.constant('insertOrder' as const),
    customer,
    date: day,
    amount: cents,
    profit: fc.option(cents),
    status,
  }),
  fc.record({ op: fc.constant('updateOrder' as const), pick, date: day, amount: cents, status }),
  fc.record({ op: fc.constant('deleteOrder' as const), pick }),
  fc.record({
    op: fc.constant('insertPayment' as const),
    customer,
    due: day,
    paid: fc.option(day),
    amount: cents,
  }),
  fc.record({ op: fc.constant('updatePayment' as const), pick, due: day, paid: fc.option(day) }),
  fc.record({ op: fc.constant('shiftPayments' as const), customer, days: fc.integer({ min: -60, max: 60 }) }),
  fc.record({ op: fc.constant('deletePayment' as const), pick }),
  fc.record({ op: fc.constant('insertActivity' as const), customer, at: instant }),
  fc.record({ op: fc.constant('updateActivity' as const), pick, at: instant }),
  fc.record({ op: fc.constant('deleteActivity' as const), pick }),
);

async function idOf(table: 'orders' | 'payments' | 'activities', index: number): Promise<number | undefined> {
  const rows = await handle.db.selectFrom(table).select('id').orderBy('id').execute();
  return rows.length === 0 ? undefined : rows[index % rows.length]!.id;
}

let orderSerial = 0;

async function apply(step: Operation): Promise<void> {
  const db = handle.db;
  switch (step.op) {
    case 'insertOrder':
      await db
        .insertInto('orders')
        .values({
          customer_id: customerIds[step.customer]!,
          order_no: `P-${++orderSerial}`,
          order_date: step.date,
          amount: step.amount,
          gross_profit: step.profit,
          status: step.status as 'completed',
        })
        .execute();
      return;
    case 'insertPayment':
      await db
        .insertInto('payments')
        .values({
          customer_id: customerIds[step.customer]!,
          due_date: step.due,
          paid_date: step.paid,
          amount: step.amount,
        })
        .execute();
      return;
    case 'insertActivity':
      await db
        .insertInto('activities')
        .values({ customer_id: customerIds[step.customer]!, kind: 'call', at: step.at, subject: '电话' })
        .execute();
      return;
    case 'shiftPayments':
      await db
        .updateTable('payments')
        .set({
          due_date: sql`due_date + ${step.days}::int`,
          paid_date: sql`paid_date + ${step.days}::int`,
        })
        .where('customer_id', '=', customerIds[step.customer]!)
        .execute();
      return;
    default:
      break;
  }
  const table = step.op.endsWith('Order')
    ? 'orders'
    : step.op.endsWith('Payment')
      ? 'payments'
      : 'activities';
  const id = await idOf(table, step.pick);
  if (id === undefined) return;
  if (step.op.startsWith('delete')) {
    await db.deleteFrom(table).where('id', '=', id).execute();
  } else if (step.op === 'updateOrder') {
    await db
      .updateTable('orders')
      .set({ order_date: step.date, amount: step.amount, status: step.status as 'completed' })
      .where('id', '=', id)
      .execute();
  } else if (step.op === 'updatePayment') {
    await db
      .updateTable('payments')
      .set({ due_date: step.due, paid_date: step.paid })
      .where('id', '=', id)
      .execute();
  } else if (step.op === 'updateActivity') {
    await db.updateTable('activities').set({ at: step.at }).where('id', '=', id).execute();
  }
}

async function snapshot() {
  const months = await sql`SELECT * FROM customer_month_stats ORDER BY customer_id, month`.execute(handle.db);
  const state = await sql`SELECT * FROM customer_state ORDER BY customer_id`.execute(handle.db);
  return {
    months: months.rows,
    state: state.rows.map((row) => ({ ...(row as Record<string, unknown>), updated_at: undefined })),
  };
}

describe('per-customer state maintained by the triggers', () => {
  it('equals a rebuild from the raw rows after any sequence of inserts, updates and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (steps) => {
        await handle.db.deleteFrom('payments').execute();
        await handle.db.deleteFrom('orders').execute();
        await handle.db.deleteFrom('activities').execute();
        for (const step of steps) await apply(step);
        const maintained = await snapshot();
        await sql`SELECT stratum_rebuild_state()`.execute(handle.db);
        expect(maintained).toEqual(await snapshot());
      }),
      { numRuns: 50 },
    );
  });

  it('two orders in one month give order_count 2 and the exact sum; a cancelled one counts for nothing', async () => {
    const c = customerIds[0]!;
    await handle.db
      .insertInto('orders')
      .values([
        { customer_id: c, order_no: 'H-1', order_date: '2024-02-03', amount: '0.10', gross_profit: '0.05' },
        { customer_id: c, order_no: 'H-2', order_date: '2024-02-29', amount: '0.20', gross_profit: null },
        { customer_id: c, order_no: 'H-3', order_date: '2024-02-10', amount: '500.00', status: 'cancelled' },
      ])
      .execute();
    const month = await handle.db
      .selectFrom('customer_month_stats')
      .select(['month', 'order_count', 'amount', 'profit', 'profit_count', 'first_order', 'last_order'])
      .where('customer_id', '=', c)
      .execute();
    expect(month).toEqual([
      {
        month: '2024-02-01',
        order_count: 2,
        amount: '0.30',
        profit: '0.05',
        profit_count: 1,
        first_order: '2024-02-03',
        last_order: '2024-02-29',
      },
    ]);
  });

  it('an unpaid payment counts as unpaid until it is paid, and a late payment is settled in the month it was paid', async () => {
    const c = customerIds[1]!;
    const { id } = await handle.db
      .insertInto('payments')
      .values({ customer_id: c, due_date: '2024-01-31', amount: '100.00' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const state = () =>
      handle.db
        .selectFrom('customer_state')
        .select(['unpaid_count', 'unpaid_amount', 'settled_count', 'final_late_days', 'final_late_count'])
        .where('customer_id', '=', c)
        .executeTakeFirstOrThrow();
    expect(await state()).toEqual({
      unpaid_count: 1,
      unpaid_amount: '100.00',
      settled_count: 0,
      final_late_days: 0,
      final_late_count: 0,
    });
    await handle.db.updateTable('payments').set({ paid_date: '2024-02-10' }).where('id', '=', id).execute();
    expect(await state()).toEqual({
      unpaid_count: 0,
      unpaid_amount: '0.00',
      settled_count: 1,
      final_late_days: 10,
      final_late_count: 1,
    });
    const settledMonths = await handle.db
      .selectFrom('customer_month_stats')
      .select(['month', 'settled_count', 'due_count'])
      .where('customer_id', '=', c)
      .orderBy('month')
      .execute();
    expect(settledMonths).toEqual([
      { month: '2024-01-01', settled_count: 0, due_count: 1 },
      { month: '2024-02-01', settled_count: 1, due_count: 0 },
    ]);
  });
});
