import { sql } from 'kysely';
import type { AsOf, BaseAggregate, MetricId } from '../../engine/index.js';
import { BASE_AGGREGATES } from '../../engine/index.js';
import type { Db } from '../audit/audit.repository.js';
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
  readonly attributes: Partial<Record<MetricId, Float64Array | (string | null)[]>>;
  readonly expectedCloseDay: Float64Array;
}

export interface BaseAggregateRequest {
  readonly asOf: AsOf;
  readonly windowMonths: number;
  readonly lateness: Lateness;
  /** Restrict to these customers (instant re-grades); all live customers when omitted. */
  readonly customerIds?: readonly number[];
}

const toNumber = (value: unknown) => (value === null || value === undefined ? Number.NaN : Number(value));

export async function readBaseAggregates(db: Db, request: BaseAggregateRequest): Promise<BaseAggregates> {
  const plan = planAsOf(request.asOf, request.windowMonths);
  const ids = request.customerIds;
  if (ids && !ids.every((id) => Number.isInteger(id))) throw new TypeError('customer ids must be integers');
  const filter = ids ? (ids.length ? `customer_id IN (${ids.join(', ')})` : 'false') : 'true';
  const { rows } = await sql
    .raw<Record<string, unknown>>(baseAggregatesSql(plan, request.lateness, filter))
    .execute(db);
  const numbers = (name: string) => Float64Array.from(rows, (row) => toNumber(row[name]));
  const columns = Object.fromEntries(baseAggregateColumns.map((name) => [name, numbers(name)])) as Record<
    BaseAggregateColumn,
    Float64Array
  >;
  const attributes: BaseAggregates['attributes'] = {};
  for (const name of categoricalAttributes)
    attributes[name] = rows.map((row) => (row[name] as string | null) ?? null);
  for (const name of numericAttributes) attributes[name] = numbers(name);
  return {
    customerIds: Int32Array.from(rows, (row) => Number(row.customer_id)),
    columns,
    attributes,
    expectedCloseDay: numbers('expected_close_day'),
  };
}
