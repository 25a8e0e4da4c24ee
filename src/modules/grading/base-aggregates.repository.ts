import type { AsOf, BaseAggregate, CategoryColumn, MetricId } from '../../engine/index.js';
import { BASE_AGGREGATES, categoryCoder } from '../../engine/index.js';
import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import { copyOut } from '../../db/copy-out.js';
import { baseAggregatesSql, planAsOf, type Lateness } from './base-aggregates.sql.js';

export const baseAggregateColumns = BASE_AGGREGATES;
export type BaseAggregateColumn = BaseAggregate;

/** Customer attributes passed to the engine unchanged, by metric id and the column that holds them. */
const categoricalAttributes = [
  'customer_type',
  'lifecycle_stage',
  'nature',
  'industry',
  'province',
  'size_band',
] as const;
const numericAttributes = [
  'registered_capital',
  'annual_revenue',
  'headcount',
  'potential_demand',
  'share_of_wallet',
  'upcoming_purchase_volume',
] as const;

/** Columns, one entry per customer in id order; NaN (or null) where the database has NULL. */
export interface BaseAggregates {
  readonly customerIds: Int32Array;
  readonly columns: Readonly<Record<BaseAggregateColumn, Float64Array>>;
  readonly attributes: Partial<Record<MetricId, Float64Array | CategoryColumn>>;
  readonly expectedCloseDay: Float64Array;
  /** Who referred each customer (NaN: nobody). */
  readonly referrerIds: Float64Array;
}

export interface BaseAggregateRequest {
  readonly asOf: AsOf;
  readonly windowMonths: number;
  readonly lateness: Lateness;
  /** Restrict to these customers (instant re-grades); all live customers when omitted. */
  readonly customerIds?: readonly number[];
}

/** Read through COPY (`copyOut`): at a million customers, one object per row cost more than computing them. */
/** Live customers referred by these, for reads whose referral metrics must sum them. */
export async function referredCustomerIds(db: Db, referrerIds: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('customers')
    .select('id')
    .where(sql<boolean>`referred_by_id = ANY(${[...referrerIds]}::int[])`)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

export async function readBaseAggregates(db: Db, request: BaseAggregateRequest): Promise<BaseAggregates> {
  const plan = planAsOf(request.asOf, request.windowMonths);
  const ids = request.customerIds;
  if (ids && !ids.every((id) => Number.isInteger(id))) throw new TypeError('customer ids must be integers');
  const filter = ids ? (ids.length ? `customer_id IN (${ids.join(', ')})` : 'false') : 'true';
  const result = await copyOut(db, baseAggregatesSql(plan, request.lateness, filter));
  const n = result.rowCount;
  const indexOf = (name: string) => {
    const at = result.names.indexOf(name);
    if (at < 0) throw new Error(`the base aggregates' statement has no column ${name}`);
    return at;
  };
  const numeric = [
    ...baseAggregateColumns,
    ...numericAttributes,
    'expected_close_day',
    'referrer_id',
    'customer_id',
  ].map((name) => ({ name, at: indexOf(name), values: new Float64Array(n) }));
  // Dictionary-coded: a million customers share a few dozen industries, and a million string references per
  // attribute would be marked again by every garbage collection while the run computes and writes.
  const categorical = categoricalAttributes.map((name) => ({
    name,
    at: indexOf(name),
    codes: new Int32Array(n),
    coder: categoryCoder(),
  }));
  const cursor = result.cursor();
  for (let row = 0; row < n && cursor.next(); row++) {
    for (const column of numeric) column.values[row] = cursor.number(column.at);
    for (const column of categorical) column.codes[row] = column.coder.codeOf(cursor.text(column.at));
  }
  const numbers = Object.fromEntries(numeric.map((column) => [column.name, column.values]));
  const attributes: BaseAggregates['attributes'] = {};
  for (const { name, codes, coder } of categorical)
    attributes[name] = { codes, dictionary: coder.dictionary };
  for (const name of numericAttributes) attributes[name] = numbers[name]!;
  return {
    customerIds: Int32Array.from(numbers.customer_id!),
    columns: Object.fromEntries(baseAggregateColumns.map((name) => [name, numbers[name]!])) as Record<
      BaseAggregateColumn,
      Float64Array
    >,
    attributes,
    expectedCloseDay: numbers.expected_close_day!,
    referrerIds: numbers.referrer_id!,
  };
}
