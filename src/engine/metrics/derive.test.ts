import { describe, expect, it } from 'vitest';
import { BASE_AGGREGATES, deriveMetrics, referralTotals, type BaseAggregate } from './derive.js';
import { monthsUntil, toDayNumber, windowBounds } from './dates.js';

const one = (values: Partial<Record<BaseAggregate, number>>) => ({
  ids: Int32Array.from([1]),
  aggregates: Object.fromEntries(BASE_AGGREGATES.map((k) => [k, Float64Array.of(values[k] ?? 0)])) as Record<
    BaseAggregate,
    Float64Array
  >,
});
const metric = (values: Partial<Record<BaseAggregate, number>>, id: string, options = {}) =>
  (deriveMetrics(one(values), '2025-01-01', 12, options).metrics as Record<string, Float64Array>)[id]![0];

describe('deriveMetrics', () => {
  it('money is cents / 100 and ratios divide those doubles, as the reference SQL', () => {
    expect(metric({ sales_window_cents: 1234567, profit_window_cents: -12345 }, 'margin')).toBe(
      -123.45 / 12345.67,
    );
    expect(metric({ sales_window_cents: 30000, sales_prev_window_cents: 20000 }, 'sales_growth')).toBe(
      100 / 200,
    );
    expect(metric({ sales_window_cents: 100 }, 'avg_monthly_sales')).toBe(1 / 12);
    expect(metric({ sales_window_cents: 100 }, 'avg_quarterly_sales')).toBe(1 / 4);
  });
  it('margin is NULL without sales, growth NULL without previous sales', () => {
    expect(metric({ profit_window_cents: 5 }, 'margin')).toBeNaN();
    expect(metric({ sales_window_cents: 5 }, 'sales_growth')).toBeNaN();
  });
  it('average days late is 0 without due invoices; weighted by amount otherwise', () => {
    expect(metric({}, 'avg_days_late')).toBe(0);
    expect(metric({ late_days_sum: 10, due_invoice_count: 4 }, 'avg_days_late')).toBe(2.5);
    expect(
      metric({ late_amount_days_sum_cents: 300 * 10, due_amount_cents: 400 }, 'avg_days_late_weighted'),
    ).toBe(7.5);
  });
  it('recency, tenure and purchase cycle from order days', () => {
    const asOf = toDayNumber('2025-01-01');
    const base = { first_order_day: asOf - 100, last_order_day: asOf - 10, order_count: 4 };
    expect(metric(base, 'recency_days')).toBe(10);
    expect(metric(base, 'tenure_days')).toBe(100);
    expect(metric(base, 'purchase_cycle_days')).toBe(30);
    expect(metric({ ...base, order_count: 1 }, 'purchase_cycle_days')).toBeNaN();
  });
  it('cost to serve = contacts × unit cost + discounts; profit after it can go negative', () => {
    const base = { contacts_window: 3, discount_window_cents: 5000, profit_window_cents: 10000 };
    expect(metric(base, 'cost_to_serve', { costPerContact: 40 })).toBe(170);
    expect(metric(base, 'profit_after_cost_to_serve', { costPerContact: 40 })).toBe(-70);
  });
  it('a metric is derived when first read, once, and no other metric is derived with it', () => {
    const aggregates = one({ sales_window_cents: 100, late_days_sum: 6, due_invoice_count: 3 }).aggregates;
    // An aggregate only `days_since_contact` reads, which fails if anything derives that metric.
    Object.defineProperty(aggregates, 'last_contact_day', {
      get: () => {
        throw new Error('days_since_contact was derived');
      },
    });
    const { metrics } = deriveMetrics({ ids: Int32Array.from([1]), aggregates }, '2025-01-01', 12);
    expect((metrics.avg_days_late as Float64Array)[0]).toBe(2);
    expect(metrics.sales_window).toBe(metrics.sales_window);
    expect(metrics.cumulative_sales).toBe(metrics.monetary);
    expect(() => metrics.days_since_contact).toThrow('days_since_contact was derived');
  });
});

describe('calendar helpers', () => {
  it('the 12-month window as of 2025-01-01 is [2024-01-01, 2025-01-01), previous [2023-01-01, 2024-01-01)', () => {
    expect(windowBounds('2025-01-01', 12)).toEqual({
      start: toDayNumber('2024-01-01'),
      previousStart: toDayNumber('2023-01-01'),
      end: toDayNumber('2025-01-01'),
    });
  });
  it('months until a close date count a started month as one; past dates are 0', () => {
    const d = toDayNumber('2025-01-15');
    expect(monthsUntil(d, toDayNumber('2025-04-15'))).toBe(3);
    expect(monthsUntil(d, toDayNumber('2025-04-16'))).toBe(4);
    expect(monthsUntil(d, toDayNumber('2025-01-16'))).toBe(1);
    expect(monthsUntil(d, toDayNumber('2024-12-01'))).toBe(0);
    expect(monthsUntil(d, Number.NaN)).toBeNaN();
  });
});

describe('referral metrics: what the customers a customer referred buy', () => {
  const NONE = Number.NaN;
  it("each referred customer adds its window sales and, if it has bought, one buyer to its referrer's row", () => {
    const totals = referralTotals(
      Int32Array.of(3, 5, 8, 13, 21),
      Float64Array.of(NONE, 3, 3, 5, 3),
      Float64Array.of(4, 2, 0, 1, 1),
      Float64Array.of(100, 250_00, 0, 99, -30),
    );
    expect(Array.from(totals.buyers)).toEqual([2, 1, 0, 0, 0]);
    expect(Array.from(totals.salesCents)).toEqual([250_00 - 30, 99, 0, 0, 0]);
  });

  it('a referrer that is not among the rows receives nothing, and ids in any order are found', () => {
    const totals = referralTotals(
      Float64Array.of(21, 3, 8),
      Float64Array.of(3, 99, 21),
      Float64Array.of(1, 1, 1),
      Float64Array.of(500, 700, 900),
    );
    expect(Array.from(totals.buyers)).toEqual([1, 1, 0]);
    expect(Array.from(totals.salesCents)).toEqual([900, 500, 0]);
  });

  it('deriveMetrics gives them as a count and money, and zero to a customer who referred nobody', () => {
    const aggregates = Object.fromEntries(BASE_AGGREGATES.map((k) => [k, new Float64Array(3)])) as Record<
      BaseAggregate,
      Float64Array
    >;
    aggregates.order_count.set([1, 3, 0]);
    aggregates.sales_window_cents.set([0, 1234567, 50]);
    const { metrics } = deriveMetrics(
      { ids: Int32Array.of(1, 2, 3), aggregates, referrerIds: Float64Array.of(NONE, 1, 1) },
      '2025-01-01',
      12,
    );
    expect(Array.from(metrics.referred_buyers as Float64Array)).toEqual([1, 0, 0]);
    expect(Array.from(metrics.referred_sales_window as Float64Array)).toEqual([12346.17, 0, 0]);
  });
});
