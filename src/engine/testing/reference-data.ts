import { BASE_AGGREGATES, type BaseAggregate, type BaseColumns } from '../metrics/derive.js';
import { seededRandom } from '../stats.js';

/** One order row of the reference schema; money in integer cents, dates as day numbers. */
export interface OrderRow {
  readonly id: number;
  readonly customerId: number;
  readonly orderDay: number;
  readonly amountCents: number;
  readonly profitCents: number;
  readonly dueDay: number;
  readonly paidDay: number | null;
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Orders for `customers` customers built to stress every edge of the reference statement: repeated amounts
 * (ties in sales, profit, frequency, recency), customers without prior-year sales (NULL growth), customers
 * whose orders are all older than the window (zero sales, NULL margin), negative profit, unpaid and late
 * invoices, customers with no orders and customers whose only orders are after the as-of date.
 */
export function referenceOrders(customers: number, seed: number): OrderRow[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const start = day('2022-01-01');
  const asOf = day('2025-01-01');
  const orders: OrderRow[] = [];
  for (let c = 1; c <= customers; c++) {
    const kind = random();
    if (kind < 0.03) continue; // no orders at all
    const count = kind < 0.06 ? 1 + Math.floor(random() * 3) : pick([1, 2, 3, 5, 8, 13, 21]);
    const window: [number, number] =
      kind < 0.06
        ? [asOf, asOf + 60] // only after the as-of date
        : kind < 0.15
          ? [start, day('2023-12-31')] // nothing in the window
          : kind < 0.3
            ? [day('2024-01-01'), asOf - 1] // nothing in the previous year
            : [start, asOf - 1];
    const tiedAmounts = random() < 0.4;
    for (let k = 0; k < count; k++) {
      const orderDay = window[0] + Math.floor(random() * (window[1] - window[0] + 1));
      const amountCents = tiedAmounts
        ? pick([10_000, 25_000, 99_999])
        : 100 + Math.floor(random() * 5_000_000);
      const profitCents = Math.round(amountCents * pick([-0.2, 0, 0.1, 0.25, 0.333]));
      const dueDay = orderDay + pick([0, 30, 60]);
      const paid = random();
      const paidDay = paid < 0.15 ? null : dueDay + (paid < 0.6 ? 0 : pick([-3, 1, 7, 15, 45, 120]));
      orders.push({
        id: orders.length + 1,
        customerId: c,
        orderDay,
        amountCents,
        profitCents,
        dueDay,
        paidDay,
      });
    }
  }
  return orders;
}

/** The per-customer base aggregates a database would maintain, computed from the orders (window 12 months). */
export function baseAggregates(customers: number, orders: readonly OrderRow[], asOfIso: string): BaseColumns {
  const asOf = day(asOfIso);
  const windowStart = day('2024-01-01');
  const previousStart = day('2023-01-01');
  const a = Object.fromEntries(BASE_AGGREGATES.map((k) => [k, new Float64Array(customers)])) as Record<
    BaseAggregate,
    Float64Array
  >;
  a.first_order_day.fill(Number.NaN);
  a.last_order_day.fill(Number.NaN);
  a.last_contact_day.fill(Number.NaN);
  for (const o of orders) {
    if (o.orderDay >= asOf) continue;
    const i = o.customerId - 1;
    a.first_order_day[i] = Number.isNaN(a.first_order_day[i]!)
      ? o.orderDay
      : Math.min(a.first_order_day[i]!, o.orderDay);
    a.last_order_day[i] = Number.isNaN(a.last_order_day[i]!)
      ? o.orderDay
      : Math.max(a.last_order_day[i]!, o.orderDay);
    a.order_count[i]!++;
    a.amount_total_cents[i]! += o.amountCents;
    if (o.orderDay >= windowStart) {
      a.sales_window_cents[i]! += o.amountCents;
      a.profit_window_cents[i]! += o.profitCents;
      a.orders_window[i]!++;
    } else if (o.orderDay >= previousStart) a.sales_prev_window_cents[i]! += o.amountCents;
    if (o.dueDay < asOf) {
      const late = Math.max(0, (o.paidDay ?? asOf) - o.dueDay);
      a.late_days_sum[i]! += late;
      a.due_invoice_count[i]!++;
      a.due_amount_cents[i]! += o.amountCents;
      a.late_amount_days_sum_cents[i]! += o.amountCents * late;
      if (late > 0) a.late_invoice_count[i]!++;
      if (o.paidDay === null) a.overdue_amount_cents[i]! += o.amountCents;
    }
  }
  return { ids: Int32Array.from({ length: customers }, (_, i) => i + 1), aggregates: a };
}
