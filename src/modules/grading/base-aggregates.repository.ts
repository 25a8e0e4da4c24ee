import { sql } from 'kysely';
import type { AsOf } from '../../engine/metrics/dates.js';
import type { Db } from '../audit/audit.repository.js';
import { baseAggregatesSql, planAsOf, type Lateness } from './base-aggregates.sql.js';

export const baseAggregateColumns = [
  'first_order_day',
  'last_order_day',
  'order_count',
  'amount_total_cents',
  'sales_window_cents',
  'profit_window_cents',
  'orders_window',
  'sales_prev_window_cents',
  'discount_window_cents',
  'late_days_sum',
  'due_invoice_count',
  'late_invoice_count',
  'late_amount_days_sum_cents',
  'due_amount_cents',
  'overdue_amount_cents',
  'last_contact_day',
  'contacts_window',
] as const;

export type BaseAggregateColumn = (typeof baseAggregateColumns)[number];

/** Columns, one entry per customer in id order; NaN where the database has NULL (no orders, no contact …). */
export interface BaseAggregates {
  readonly customerIds: Int32Array;
  readonly columns: Readonly<Record<BaseAggregateColumn, Float64Array>>;
}

export interface BaseAggregateRequest {
  readonly asOf: AsOf;
  readonly windowMonths: number;
  readonly lateness: Lateness;
  /** Restrict to these customers (instant re-grades); all live customers when omitted. */
  readonly customerIds?: readonly number[];
}

export async function readBaseAggregates(db: Db, request: BaseAggregateRequest): Promise<BaseAggregates> {
  const plan = planAsOf(request.asOf, request.windowMonths);
  const ids = request.customerIds;
  if (ids && !ids.every((id) => Number.isInteger(id))) throw new TypeError('customer ids must be integers');
  const filter = ids ? (ids.length ? `customer_id IN (${ids.join(', ')})` : 'false') : 'true';
  const result = await sql
    .raw<Record<string, number | null>>(baseAggregatesSql(plan, request.lateness, filter))
    .execute(db);
  const rows = result.rows;
  const customerIds = new Int32Array(rows.length);
  const columns = Object.fromEntries(
    baseAggregateColumns.map((name) => [name, new Float64Array(rows.length)]),
  ) as Record<BaseAggregateColumn, Float64Array>;
  rows.forEach((row, index) => {
    customerIds[index] = Number(row.customer_id);
    for (const name of baseAggregateColumns) {
      const value = row[name];
      columns[name][index] = value === null || value === undefined ? Number.NaN : Number(value);
    }
  });
  return { customerIds, columns };
}
