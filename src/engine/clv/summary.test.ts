import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CALIBRATION_END, HOLDOUT_END, dayNumber, loadCdnowCsv, loadCdnowSample } from './cdnow.fixture.js';
import { calibrationSummary, purchaseDaysBetween } from './summary.js';
import type { Transactions } from './summary.js';

const cdnow = loadCdnowSample();
const summary = calibrationSummary(cdnow, { calibrationEndDay: CALIBRATION_END, unit: 'weeks' });

describe('calibration summary on the CDNOW sample (ending 1997-09-30, weeks)', () => {
  // The reference files round to two decimals, so times and spend agree to within half a cent.
  it('equals cdnow_customers_summary.csv (ID, frequency, recency, T) for every customer', () => {
    const reference = loadCdnowCsv('cdnow_customers_summary.csv');
    expect(reference).toHaveLength(2357);
    expect(summary.customer).toHaveLength(2357);
    reference.forEach(([id, frequency, recency, T], row) => {
      expect(summary.customer[row]).toBe(id! - 1);
      expect(summary.x[row]).toBe(frequency);
      expect(Math.abs(summary.tx[row]! - recency!)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.T[row]! - T!)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });

  it('equals cdnow_customers_summary_with_transactions.csv including z̄ for every customer', () => {
    const reference = loadCdnowCsv('cdnow_customers_summary_with_transactions.csv');
    expect(reference).toHaveLength(2357);
    reference.forEach(([id, x, tx, T, zbar], row) => {
      expect(summary.customer[row]).toBe(id! - 1);
      expect(summary.x[row]).toBe(x);
      expect(Math.abs(summary.tx[row]! - tx!)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.T[row]! - T!)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.zbar[row]! - zbar!)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });

  it('counts a purchase on the calibration end day (customer 59 bought on 1997-09-30: t_x = T)', () => {
    const row = summary.customer.indexOf(58);
    expect(summary.x[row]).toBe(1);
    expect(summary.tx[row]).toBe(summary.T[row]);
    expect(summary.T[row]).toBe((dayNumber(19970930) - dayNumber(19970104)) / 7);
  });

  it('holdout counts: distinct purchase days from 1997-10-01 through 1998-06-30', () => {
    const holdout = purchaseDaysBetween(cdnow, CALIBRATION_END, HOLDOUT_END);
    // Customer 1 bought 1997-01-01, 01-18, 08-02 and 12-12: one holdout purchase.
    expect(holdout[0]).toBe(1);
    // Customer 59: 1997-11-24 and 1998-03-19.
    expect(holdout[58]).toBe(2);
  });
});

describe('calibration summary rules', () => {
  const day0 = 1000;
  const small: Transactions = {
    customer: [0, 0, 0, 0, 0, 1, 1, 2],
    day: [day0, day0, day0 + 7, day0 + 7, day0 + 21, day0 + 3, day0 + 40, day0 + 30],
    amount: [5, 5, 10, 20, 6, 8, 9, 7],
  };

  it('merges same-day purchases, does not count the first day, and averages repeat days', () => {
    const s = calibrationSummary(small, { calibrationEndDay: day0 + 28, unit: 'weeks' });
    // Customer 0: first day (2 lines), repeat day +7 (30 in 2 lines), repeat day +21 (6).
    expect(s.x[0]).toBe(2);
    expect(s.tx[0]).toBe(3);
    expect(s.T[0]).toBe(4);
    expect(s.zbar[0]).toBe(18);
    // Customer 1's second purchase is after the calibration end.
    expect([s.x[1], s.tx[1], s.T[1], s.zbar[1]]).toEqual([0, 0, 25 / 7, 0]);
    // Customer 2 first bought after the calibration end: left out.
    expect(Array.from(s.customer)).toEqual([0, 1]);
  });

  it('measures in days when asked', () => {
    const s = calibrationSummary(small, { calibrationEndDay: day0 + 28, unit: 'days' });
    expect([s.x[0], s.tx[0], s.T[0]]).toEqual([2, 21, 28]);
  });

  it('is the same for any order of the input rows', () => {
    const expected = calibrationSummary(cdnow, { calibrationEndDay: CALIBRATION_END, unit: 'weeks' });
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shuffled = shuffle(cdnow, seed);
        const s = calibrationSummary(shuffled, { calibrationEndDay: CALIBRATION_END, unit: 'weeks' });
        expect(s.x).toEqual(expected.x);
        expect(s.tx).toEqual(expected.tx);
        expect(s.T).toEqual(expected.T);
        // Spend is summed in a different order: equal up to rounding.
        s.zbar.forEach((z, i) => expect(z).toBeCloseTo(expected.zbar[i]!, 9));
      }),
      { numRuns: 5 },
    );
  });

  it('handles a customer with many unsorted transactions', () => {
    const days = Array.from({ length: 200 }, (_, i) => 199 - i);
    const s = calibrationSummary(
      { customer: days.map(() => 0), day: days, amount: days.map(() => 1) },
      { calibrationEndDay: 150, unit: 'days' },
    );
    expect([s.x[0], s.tx[0], s.T[0], s.zbar[0]]).toEqual([150, 150, 150, 1]);
  });

  it('leaves out customer indices without transactions and accepts an empty log', () => {
    const s = calibrationSummary(
      { customer: [2], day: [5], amount: [1] },
      { calibrationEndDay: 9, unit: 'days' },
    );
    expect(Array.from(s.customer)).toEqual([2]);
    const empty = calibrationSummary(
      { customer: [], day: [], amount: [] },
      { calibrationEndDay: 9, unit: 'days' },
    );
    expect(empty.x).toHaveLength(0);
  });

  it('rejects fractional days, negative customers and mismatched columns', () => {
    const end = { calibrationEndDay: 9, unit: 'days' } as const;
    expect(() => calibrationSummary({ customer: [0], day: [1.5], amount: [1] }, end)).toThrow(/Day numbers/);
    expect(() => calibrationSummary({ customer: [-1], day: [1], amount: [1] }, end)).toThrow(
      /Customer indices/,
    );
    expect(() => calibrationSummary({ customer: [0, 0], day: [1], amount: [1] }, end)).toThrow(
      /differ in length/,
    );
    expect(() =>
      calibrationSummary({ customer: [3], day: [1], amount: [1] }, { ...end, customerCount: 2 }),
    ).toThrow(/Customer indices/);
  });
});

function shuffle(t: Transactions, seed: number): Transactions {
  const order = Array.from({ length: t.customer.length }, (_, i) => i);
  let state = seed >>> 0 || 1;
  for (let i = order.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return {
    customer: order.map((i) => t.customer[i]!),
    day: order.map((i) => t.day[i]!),
    amount: order.map((i) => t.amount[i]!),
  };
}
