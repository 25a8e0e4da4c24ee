import {
  lazyColumns,
  once,
  type MetricColumn,
  type MetricColumns,
  type PopulationColumns,
} from '../columns.js';
import type { MetricId } from './catalogue.js';
import { monthsUntil, toDayNumber, type AsOf } from './dates.js';

/**
 * Per-customer aggregates maintained by the database (one row per customer, as columns). Money is integer
 * cents in a Float64Array (exact up to 2^53); days are day numbers (days since 1970-01-01); NaN is NULL.
 */
export const BASE_AGGREGATES = [
  'first_order_day',
  'last_order_day',
  'order_count',
  'amount_total_cents',
  'sales_window_cents',
  'profit_window_cents',
  'orders_window',
  'sales_prev_window_cents',
  'late_days_sum',
  'due_invoice_count',
  'late_invoice_count',
  'late_amount_days_sum_cents',
  'due_amount_cents',
  'overdue_amount_cents',
  'last_contact_day',
  'contacts_window',
  'discount_window_cents',
] as const;
export type BaseAggregate = (typeof BASE_AGGREGATES)[number];

export interface BaseColumns {
  readonly ids: Int32Array | Float64Array;
  readonly aggregates: Readonly<Record<BaseAggregate, Float64Array>>;
  /** Firmographic attributes passed through unchanged (nature, industry, registered_capital, …). */
  readonly attributes?: MetricColumns;
  /** Prospect's expected close date (day number, NaN if unknown), turned into months_to_close. */
  readonly expectedCloseDay?: Float64Array;
  /** The id of the customer who referred each one (NaN if none): referral metrics sum the referred rows. */
  readonly referrerIds?: Float64Array;
}

export interface DeriveOptions {
  /** Cost of one contact in CNY, for cost_to_serve = contacts × cost + discounts. */
  readonly costPerContact?: number;
}

const NULL = Number.NaN;

/**
 * Turns base aggregates into catalogue metrics as of a date. Every float conversion follows the reference SQL:
 * money becomes `cents / 100` (one rounding, like NUMERIC → float8), and ratios divide those doubles, so
 * margin = (profit/100) / (sales/100) and growth = ((sales − prev)/100) / (prev/100) with the difference exact.
 */
export function deriveMetrics(
  base: BaseColumns,
  asOf: AsOf,
  windowMonths: number,
  options: DeriveOptions = {},
): PopulationColumns {
  const day = toDayNumber(asOf);
  const a = base.aggregates;
  const n = base.ids.length;
  const costPerContact = options.costPerContact ?? 0;
  const out = (compute: (i: number) => number): Float64Array => {
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = compute(i);
    return column;
  };
  const money = (cents: Float64Array) => () => fromCents(cents);
  const ratioOrZero = (num: Float64Array, den: Float64Array) => () => ratioOrZeroOf(num, den);
  const given = (column: MetricColumn) => () => column;

  // Each column is derived when a model first reads it; columns others are derived from are derived once.
  const sales = once(money(a.sales_window_cents));
  const lifetimeSales = once(money(a.amount_total_cents));
  const costToServe = once(() =>
    out((i) => (a.contacts_window[i]! || 0) * costPerContact + (a.discount_window_cents[i]! || 0) / 100),
  );
  const perMonths = (months: number) => dividedBy(sales(), months);
  const makers: Partial<Record<MetricId, () => MetricColumn>> = {
    cumulative_sales: lifetimeSales,
    monetary: lifetimeSales,
    sales_window: sales,
    profit_window: money(a.profit_window_cents),
    orders_window: given(a.orders_window),
    sales_prev_window: money(a.sales_prev_window_cents),
    avg_monthly_sales: () => perMonths(windowMonths),
    avg_quarterly_sales: () => perMonths(windowMonths / 3),
    avg_yearly_sales: () => perMonths(windowMonths / 12),
    margin: () => marginOf(a.profit_window_cents, a.sales_window_cents),
    sales_growth: () => growthOf(a.sales_window_cents, a.sales_prev_window_cents),
    recency_days: () => daysSince(day, a.last_order_day),
    frequency: given(a.order_count),
    tenure_days: () => daysSince(day, a.first_order_day),
    purchase_cycle_days: () =>
      out((i) =>
        a.order_count[i]! >= 2
          ? (a.last_order_day[i]! - a.first_order_day[i]!) / (a.order_count[i]! - 1)
          : NULL,
      ),
    avg_days_late: ratioOrZero(a.late_days_sum, a.due_invoice_count),
    avg_days_late_weighted: ratioOrZero(a.late_amount_days_sum_cents, a.due_amount_cents),
    late_invoice_share: ratioOrZero(a.late_invoice_count, a.due_invoice_count),
    overdue_amount: money(a.overdue_amount_cents),
    days_since_contact: () => daysSince(day, a.last_contact_day),
    contacts_window: given(a.contacts_window),
    cost_to_serve: costToServe,
    profit_after_cost_to_serve: () => {
      const cost = costToServe();
      return out((i) => a.profit_window_cents[i]! / 100 - cost[i]!);
    },
  };
  for (const [id, column] of Object.entries(base.attributes ?? {}) as [MetricId, MetricColumn][])
    if (!(id in makers)) makers[id] = given(column);
  const referrers = base.referrerIds;
  if (referrers) {
    const referred = once(() => referralTotals(base.ids, referrers, a.order_count, a.sales_window_cents));
    makers.referred_buyers = () => referred().buyers;
    makers.referred_sales_window = () => fromCents(referred().salesCents);
  }
  const close = base.expectedCloseDay;
  if (close) makers.months_to_close = () => out((i) => monthsUntil(day, close[i]!));
  const metrics = lazyColumns(makers);
  return { ids: base.ids, metrics };
}

/**
 * Per customer, how many of the customers it referred had bought by the as-of date, and their sales in the window
 * (cents): each referred row adds to its referrer's row. A referrer that is not among the rows (deleted, or not read)
 * receives nothing.
 */
export function referralTotals(
  ids: Int32Array | Float64Array,
  referrerIds: Float64Array,
  orderCount: Float64Array,
  salesWindowCents: Float64Array,
): { buyers: Float64Array; salesCents: Float64Array } {
  const buyers = new Float64Array(ids.length);
  const salesCents = new Float64Array(ids.length);
  const rowOf = rowLookup(ids);
  for (let i = 0; i < ids.length; i++) {
    const referrer = referrerIds[i]!;
    if (Number.isNaN(referrer)) continue;
    const row = rowOf(referrer);
    if (row < 0) continue;
    if (orderCount[i]! > 0) buyers[row]!++;
    salesCents[row]! += salesWindowCents[i]! || 0;
  }
  return { buyers, salesCents };
}

/** Row of an id: binary search when the ids ascend (as the database reads them), else a map. −1 if absent. */
function rowLookup(ids: Int32Array | Float64Array): (id: number) => number {
  let ascending = true;
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1]! < ids[i]!;
  if (!ascending) {
    const rows = new Map(Array.from(ids, (id, row) => [id, row]));
    return (id) => rows.get(id) ?? -1;
  }
  return (id) => {
    let low = 0;
    let high = ids.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = ids[middle]!;
      if (at === id) return middle;
      if (at < id) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  };
}

// The common derivations each loop in a function of their own: one loop calling a different closure per metric
// does not inline them, and cost five times as much per row (125 ms for a run's five columns at 1M customers).

function fromCents(cents: Float64Array): Float64Array {
  const column = new Float64Array(cents.length);
  for (let i = 0; i < cents.length; i++) column[i] = cents[i]! / 100;
  return column;
}

function dividedBy(values: Float64Array, divisor: number): Float64Array {
  const column = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) column[i] = values[i]! / divisor;
  return column;
}

function ratioOrZeroOf(num: Float64Array, den: Float64Array): Float64Array {
  const column = new Float64Array(num.length);
  for (let i = 0; i < num.length; i++) column[i] = den[i]! > 0 ? num[i]! / den[i]! : 0;
  return column;
}

/** (profit/100) / (sales/100), NULL without sales. */
function marginOf(profitCents: Float64Array, salesCents: Float64Array): Float64Array {
  const column = new Float64Array(salesCents.length);
  for (let i = 0; i < column.length; i++)
    column[i] = salesCents[i]! > 0 ? profitCents[i]! / 100 / (salesCents[i]! / 100) : NULL;
  return column;
}

/** ((sales − previous)/100) / (previous/100), the difference exact in cents; NULL without previous sales. */
function growthOf(salesCents: Float64Array, previousCents: Float64Array): Float64Array {
  const column = new Float64Array(salesCents.length);
  for (let i = 0; i < column.length; i++) {
    const previous = previousCents[i]!;
    column[i] = previous > 0 ? (salesCents[i]! - previous) / 100 / (previous / 100) : NULL;
  }
  return column;
}

function daysSince(day: number, days: Float64Array): Float64Array {
  const column = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) column[i] = day - days[i]!;
  return column;
}
