import { toIsoDate, windowBounds, type AsOf } from '../../engine/metrics/dates.js';
import { monthColumns } from '../../db/state-sql.js';

/**
 * Builds the statement that evaluates the per-customer state at any as-of date: whole calendar months come from
 * `customer_month_stats`; the days of a month cut by a boundary (as-of date, window start, previous-window start)
 * come from the raw rows through the `state_contributions` view, so the result equals an aggregate over raw rows
 * while reading raw rows only for at most three partial months (none when the boundaries fall on the 1st).
 */

export type Lateness = 'point_in_time' | 'final';

interface Range {
  /** Inclusive start day ('YYYY-MM-DD'), or undefined for "since the beginning". */
  readonly from?: string;
  /** Exclusive end day. */
  readonly to: string;
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const isMonthStart = (day: string) => day.endsWith('-01');
function nextMonthStart(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
const ceilMonth = (day: string) => (isMonthStart(day) ? day : nextMonthStart(day));
const literal = (day: string) => `DATE '${day}'`;

/** Whole months of the range, as a predicate on `month`. */
function monthPredicate(range: Range): string {
  const parts = [`month < ${literal(monthStart(range.to))}`];
  if (range.from) parts.push(`month >= ${literal(ceilMonth(range.from))}`);
  return parts.join(' AND ');
}

/** The cut ends of the range, as a predicate on the raw row's `day`. */
function dayPredicate(range: Range): string {
  const inside = [`day < ${literal(range.to)}`];
  const cutEnds = [`day >= ${literal(monthStart(range.to))}`];
  if (range.from) {
    inside.push(`day >= ${literal(range.from)}`);
    cutEnds.push(`day < ${literal(ceilMonth(range.from))}`);
  }
  return `(${inside.join(' AND ')} AND (${cutEnds.join(' OR ')}))`;
}

export interface AsOfPlan {
  readonly asOf: string;
  readonly asOfDay: number;
  readonly ranges: { readonly lifetime: Range; readonly window: Range; readonly previous: Range };
  /** Months whose raw rows must be read because a boundary cuts them. */
  readonly partialMonths: readonly string[];
}

export function planAsOf(asOf: AsOf, windowMonths: number): AsOfPlan {
  const bounds = windowBounds(asOf, windowMonths);
  const end = toIsoDate(bounds.end);
  const start = toIsoDate(bounds.start);
  const previousStart = toIsoDate(bounds.previousStart);
  const partialMonths = [
    ...new Set([end, start, previousStart].filter((day) => !isMonthStart(day)).map(monthStart)),
  ];
  return {
    asOf: end,
    asOfDay: bounds.end,
    ranges: {
      lifetime: { to: end },
      window: { from: start, to: end },
      previous: { from: previousStart, to: start },
    },
    partialMonths,
  };
}

type RangeName = keyof AsOfPlan['ranges'];

/** Which range each month-stats column is summed over (payments and contacts "so far" use the lifetime). */
const rangeOfOutput: ReadonlyArray<readonly [output: string, column: string, range: RangeName]> = [
  ['order_count', 'order_count', 'lifetime'],
  ['amount_total', 'amount', 'lifetime'],
  ['first_order', 'first_order', 'lifetime'],
  ['last_order', 'last_order', 'lifetime'],
  ['sales_window', 'amount', 'window'],
  ['profit_window', 'profit', 'window'],
  ['profit_count_window', 'profit_count', 'window'],
  ['orders_window', 'order_count', 'window'],
  ['sales_prev_window', 'amount', 'previous'],
  ['discount_window', 'discount', 'window'],
  ...monthColumns
    .filter((c) => /^(due_|final_|unpaid_|settled_)/.test(c.name))
    .map((c) => [c.name, c.name, 'lifetime'] as const),
  ['last_contact', 'last_contact', 'lifetime'],
  ['contacts_window', 'contact_count', 'window'],
];

const aggregateOf = new Map(monthColumns.map((c) => [c.name, c.aggregate]));

/**
 * Payment sums only the other lateness rule reads: left out of the aggregate, which sums numerics for every month
 * row of every customer (a quarter of its sums).
 */
const otherRuleOnly: Readonly<Record<Lateness, RegExp>> = {
  final: /^(settled_|due_day_sum$|due_amount_day_sum$)/,
  point_in_time: /^(final_|unpaid_)/,
};

/** One row per customer with every raw sum the metrics need, evaluated as of `plan.asOf`. */
export function baseAggregatesSql(plan: AsOfPlan, lateness: Lateness, customerFilter: string): string {
  const columnList = ['customer_id', 'month', 'day', ...monthColumns.map((c) => c.name)].join(', ');
  const flags = (predicate: (range: Range) => string) =>
    (Object.keys(plan.ranges) as RangeName[])
      .map((name) => `${predicate(plan.ranges[name])} AS in_${name}`)
      .join(', ');
  const sources = [
    `SELECT ${columnList}, ${flags(monthPredicate)} FROM (SELECT *, NULL::date AS day FROM customer_month_stats) m`,
  ];
  if (plan.partialMonths.length) {
    sources.push(
      `SELECT ${columnList}, ${flags(dayPredicate)} FROM state_contributions
       WHERE month IN (${plan.partialMonths.map(literal).join(', ')}) AND day < ${literal(plan.asOf)}`,
    );
  }
  const sums = rangeOfOutput
    .filter(([output]) => !otherRuleOnly[lateness].test(output))
    .map(
      ([output, column, range]) =>
        `${aggregateOf.get(column)}(${column}) FILTER (WHERE in_${range}) AS ${output}`,
    )
    .join(',\n      ');
  const asOfDay = plan.asOfDay;
  const late =
    lateness === 'final'
      ? {
          days: `final_late_days + unpaid_count * ${asOfDay} - unpaid_due_day_sum`,
          count: 'final_late_count + unpaid_count',
          amountDays: `final_late_amount_days + unpaid_amount * ${asOfDay} - unpaid_amount_day_sum`,
          overdue: 'unpaid_amount',
        }
      : {
          days: `settled_late_days + (due_count - settled_count) * ${asOfDay} - (due_day_sum - settled_due_day_sum)`,
          count: 'settled_late_count + (due_count - settled_count)',
          amountDays: `settled_late_amount_days + (due_amount - settled_amount) * ${asOfDay} - (due_amount_day_sum - settled_amount_day_sum)`,
          overdue: 'due_amount - settled_amount',
        };
  const cents = (expression: string) => `(coalesce(${expression}, 0) * 100)::bigint`;
  const day = (expression: string) => `(${expression} - DATE '1970-01-01')`;
  return `
    WITH facts AS (
      SELECT customer_id,
      ${sums}
      FROM (${sources.join('\nUNION ALL\n')}) rows
      WHERE ${customerFilter}
      GROUP BY customer_id
    ), totals AS (
      SELECT customer_id, first_order, last_order, last_contact, contacts_window,
             order_count, orders_window, amount_total, sales_window, sales_prev_window, profit_window,
             profit_count_window, discount_window, due_count, due_amount,
             coalesce(${late.days}, 0) AS late_days_sum,
             coalesce(${late.count}, 0) AS late_invoice_count,
             coalesce(${late.amountDays}, 0) AS late_amount_days,
             coalesce(${late.overdue}, 0) AS overdue_amount
      FROM facts
    )
    SELECT c.id AS customer_id,
           ${day('first_order')} AS first_order_day,
           ${day('last_order')} AS last_order_day,
           coalesce(order_count, 0)::int AS order_count,
           ${cents('amount_total')} AS amount_total_cents,
           ${cents('sales_window')} AS sales_window_cents,
           CASE WHEN coalesce(orders_window, 0) = 0 OR profit_count_window > 0 THEN ${cents('profit_window')} END
             AS profit_window_cents,
           coalesce(orders_window, 0)::int AS orders_window,
           ${cents('sales_prev_window')} AS sales_prev_window_cents,
           ${cents('discount_window')} AS discount_window_cents,
           coalesce(late_days_sum, 0)::bigint AS late_days_sum,
           coalesce(due_count, 0)::int AS due_invoice_count,
           coalesce(late_invoice_count, 0)::int AS late_invoice_count,
           ${cents('late_amount_days')} AS late_amount_days_sum_cents,
           ${cents('due_amount')} AS due_amount_cents,
           ${cents('overdue_amount')} AS overdue_amount_cents,
           ${day('last_contact')} AS last_contact_day,
           coalesce(contacts_window, 0)::int AS contacts_window,
           c.type AS customer_type, c.lifecycle_stage, c.nature, c.industry, c.province, c.size_band,
           c.registered_capital::float8 AS registered_capital, c.annual_revenue::float8 AS annual_revenue,
           c.headcount::float8 AS headcount, c.potential_demand::float8 AS potential_demand,
           c.share_of_wallet::float8 AS share_of_wallet,
           c.upcoming_purchase_volume::float8 AS upcoming_purchase_volume,
           ${day('coalesce(open_opportunity.earliest_close, c.expected_close_date)')} AS expected_close_day,
           c.referred_by_id AS referrer_id
    FROM customers c LEFT JOIN totals t ON t.customer_id = c.id
    -- The prospect grade is about when business is expected: the earliest open opportunity says it best. Grouped
    -- once and joined, not looked up per customer: a lookup per row was a tenth of the read on PGlite.
    LEFT JOIN (
      SELECT customer_id, min(expected_close_date) AS earliest_close
      FROM opportunities
      WHERE closed_at IS NULL AND ${customerFilter}
      GROUP BY customer_id
    ) open_opportunity ON open_opportunity.customer_id = c.id
    WHERE c.deleted_at IS NULL AND ${customerFilter.replaceAll('customer_id', 'c.id')}
    ORDER BY c.id`;
}
