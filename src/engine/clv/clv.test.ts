import { describe, expect, it } from 'vitest';

import { customerLifetimeValue, DAYS_PER_MONTH } from './clv.js';
import { churnRiskFlags, CHURN_LOW_P_ALIVE, CHURN_OVERDUE } from './churn.js';

describe('customer lifetime value', () => {
  // Purchases accrue linearly at c per unit, so each month brings c · (units per month).
  const linear = (c: number[]) => (t: number) => c.map((ci) => ci * t);

  it('discounts each month’s purchases at (1+d)^−m and applies spend and margin', () => {
    const [value] = customerLifetimeValue({
      cumulativeExpected: linear([0.5]),
      spend: [40],
      margin: 0.25,
      monthlyDiscountRate: 0.01,
      horizonMonths: 3,
      unit: 'weeks',
    });
    const perMonth = 0.5 * (DAYS_PER_MONTH / 7);
    const byHand = 0.25 * 40 * perMonth * (1 / 1.01 + 1 / 1.01 ** 2 + 1 / 1.01 ** 3);
    expect(value).toBeCloseTo(byHand, 12);
  });

  it('without discounting equals margin × spend × purchases over the horizon, in days too', () => {
    const values = customerLifetimeValue({
      cumulativeExpected: linear([0.1, 0]),
      spend: [10, 99],
      margin: 1,
      monthlyDiscountRate: 0,
      horizonMonths: 12,
      unit: 'days',
    });
    expect(values[0]).toBeCloseTo(0.1 * 365.25 * 10, 9);
    expect(values[1]).toBe(0);
  });

  it('zero spend, zero margin or zero horizon give zero value', () => {
    const base = { cumulativeExpected: linear([1]), monthlyDiscountRate: 0.01, unit: 'weeks' } as const;
    expect(customerLifetimeValue({ ...base, spend: [0], margin: 0.3, horizonMonths: 12 })[0]).toBe(0);
    expect(customerLifetimeValue({ ...base, spend: [5], margin: 0, horizonMonths: 12 })[0]).toBe(0);
    expect(customerLifetimeValue({ ...base, spend: [5], margin: 0.3, horizonMonths: 0 })[0]).toBe(0);
  });

  it('rejects negative rates and forecasts of the wrong length', () => {
    const base = {
      cumulativeExpected: linear([1]),
      spend: [1],
      margin: 1,
      horizonMonths: 1,
      unit: 'weeks',
    } as const;
    expect(() => customerLifetimeValue({ ...base, monthlyDiscountRate: -0.1 })).toThrow(/Discount rate/);
    expect(() => customerLifetimeValue({ ...base, monthlyDiscountRate: 0, spend: [1, 2] })).toThrow(
      /differ in length/,
    );
  });
});

describe('churn-risk flags', () => {
  const options = { pAliveThreshold: 0.3, cycleMultiple: 3 };

  it('flags P(alive) below the threshold, and recency beyond k mean inter-purchase times', () => {
    const flags = churnRiskFlags(
      {
        pAlive: [0.2, 0.9, 0.9, 0.1, 0.3],
        // Cycles: 10/2 = 5 → overdue after 15; customer 2 is silent for 16 > 15; customer 3 for 15, not beyond.
        x: [2, 2, 2, 2, 2],
        tx: [10, 10, 10, 10, 10],
        T: [12, 20, 26, 25, 25],
      },
      options,
    );
    expect(Array.from(flags)).toEqual([CHURN_LOW_P_ALIVE, 0, CHURN_OVERDUE, CHURN_LOW_P_ALIVE, 0]);
  });

  it('judges one-time buyers by P(alive) only, unless a cycle is assumed for them', () => {
    const columns = { pAlive: [1, 1], x: [0, 0], tx: [0, 0], T: [5, 40] };
    expect(Array.from(churnRiskFlags(columns, options))).toEqual([0, 0]);
    const withCycle = churnRiskFlags(columns, { ...options, oneTimeBuyerCycle: 10 });
    expect(Array.from(withCycle)).toEqual([0, CHURN_OVERDUE]);
  });

  it('both reasons combine as bits; an empty population gives no flags', () => {
    const [both] = churnRiskFlags({ pAlive: [0.01], x: [1], tx: [1], T: [50] }, options);
    expect(both).toBe(CHURN_LOW_P_ALIVE | CHURN_OVERDUE);
    expect(churnRiskFlags({ pAlive: [], x: [], tx: [], T: [] }, options)).toHaveLength(0);
  });
});
