import { describe, expect, it } from 'vitest';

import { bgnbdConditionalExpected, bgnbdExpectedPurchases, fitBgNbd } from './bgnbd.js';
import { CALIBRATION_END, HOLDOUT_END, loadCdnowSample } from './cdnow.fixture.js';
import { formatHoldoutTable, holdoutComparison } from './holdout.js';
import { fitParetoNbd, paretoNbdConditionalExpected } from './paretonbd.js';
import { calibrationSummary, purchaseDaysBetween } from './summary.js';

describe('holdout comparison table', () => {
  it('averages actual and predicted purchases per calibration frequency, 7+ pooled', () => {
    const table = holdoutComparison({
      x: [0, 0, 1, 7, 9],
      actual: [0, 1, 2, 5, 7],
      predicted: { m: [0.2, 0.4, 1, 6, 8] },
    });
    expect(table.models).toEqual(['m']);
    expect(table.rows.map((r) => r.bucket)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(table.rows[0]).toEqual({
      bucket: '0',
      customers: 2,
      actual: 0.5,
      predicted: [0.30000000000000004],
    });
    expect(table.rows[7]).toEqual({ bucket: '7+', customers: 2, actual: 6, predicted: [7] });
    expect(table.rows[3]!.customers).toBe(0);
    expect(table.total.customers).toBe(5);
    expect(table.total.actual).toBe(3);
  });

  it('prints a right-aligned table in either language', () => {
    const table = holdoutComparison({
      x: [0, 1],
      actual: [0, 2],
      predicted: { m: [0.25, 1.5] },
      topBucket: 1,
    });
    expect(formatHoldoutTable(table).split('\n')).toEqual([
      '  x  customers  actual      m',
      '  0          1   0.000  0.250',
      ' 1+          1   2.000  1.500',
      'all          2   1.000  0.875',
    ]);
    expect(formatHoldoutTable(table, 'zh-CN')).toContain('客户数');
  });
});

describe('CDNOW holdout, weeks 40–78 (1997-10-01 … 1998-06-30)', () => {
  const transactions = loadCdnowSample();
  const summary = calibrationSummary(transactions, { calibrationEndDay: CALIBRATION_END, unit: 'weeks' });
  const holdout = purchaseDaysBetween(transactions, CALIBRATION_END, HOLDOUT_END);
  const actual = Float64Array.from(summary.customer, (c) => holdout[c]!);
  const weeks = (HOLDOUT_END - CALIBRATION_END) / 7;
  const bg = fitBgNbd(summary);
  const pn = fitParetoNbd(summary);
  const table = holdoutComparison({
    x: summary.x,
    actual,
    predicted: {
      'BG/NBD': bgnbdConditionalExpected(bg.params, summary, weeks),
      'Pareto/NBD': paretoNbdConditionalExpected(pn.params, summary, weeks),
    },
  });

  it('covers 39 holdout weeks and all 2,357 customers', () => {
    expect(weeks).toBe(39);
    expect(table.total.customers).toBe(2357);
    expect(formatHoldoutTable(table).split('\n')).toHaveLength(10);
  });

  // Sanity, not accuracy targets: forecasts rise with calibration frequency as the actuals do, and
  // every bucket's forecast is within a factor of two of what happened.
  it('forecasts rise with calibration frequency and stay within a factor of two of the actuals', () => {
    for (const model of [0, 1]) {
      table.rows.forEach((row, k) => {
        const predicted = row.predicted[model]!;
        if (k > 0) expect(predicted).toBeGreaterThan(table.rows[k - 1]!.predicted[model]!);
        expect(predicted).toBeGreaterThan(row.actual / 2);
        expect(predicted).toBeLessThan(row.actual * 2);
      });
    }
  });

  it('the unconditional forecast E[X(T+39)] − E[X(T)] summed over customers is within 20% of the actual total', () => {
    let expected = 0;
    for (const T of summary.T)
      expected += bgnbdExpectedPurchases(bg.params, T + weeks) - bgnbdExpectedPurchases(bg.params, T);
    const total = actual.reduce((sum, a) => sum + a, 0);
    expect(Math.abs(expected / total - 1)).toBeLessThan(0.2);
  });
});
