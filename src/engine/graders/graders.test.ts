import { describe, expect, it } from 'vitest';
import { gradePopulation } from '../grade.js';
import {
  PRESET_ABC,
  PRESET_PROSPECT,
  PRESET_MATRIX,
  PRESET_VALUE_CLASSES,
  PRESET_LIFECYCLE,
} from '../model/presets.js';
import { model, ladder, population } from '../testing/models.js';
import { toDayNumber } from '../metrics/dates.js';
import { tileSizes } from './rfm.js';
import type { AbcParams } from './abc.js';
import type { ClusterParams } from './cluster.js';

const asOf = '2025-01-01';
const identity = { kind: 'minmax' } as const;
const quotaModel = (ties: 'strict' | 'shared') =>
  model({
    factors: [{ id: 'sales', metric: 'sales_window', normaliser: identity, weight: 1 }],
    method: { kind: 'quotas', quotas: [20, 30, 30, 20], ties },
    ladder: ladder('A', 'B', 'C', 'D'),
  });
const codes = (grades: Int32Array, ladderCodes = 'ABCD') =>
  Array.from(grades, (g) => ladderCodes[g]).join('');

describe('quotas A/B/C/D 20/30/30/20', () => {
  it('ten distinct scores give 2 A, 3 B, 3 C, 2 D, best first', () => {
    const sales = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];
    expect(
      codes(gradePopulation(quotaModel('strict'), population({ sales_window: sales }), { asOf }).grades),
    ).toBe('AABBBCCCDD');
  });

  it('strict: a tie on the A/B boundary is broken by customer id (lower id gets A)', () => {
    const sales = [100, 90, 90, 70, 60, 50, 40, 30, 20, 10];
    const ids = [1, 3, 2, 4, 5, 6, 7, 8, 9, 10];
    const result = gradePopulation(quotaModel('strict'), population({ sales_window: sales }, ids), { asOf });
    expect(codes(result.grades)).toBe('ABABBCCCDD');
  });

  it('shared: a tie on the A/B boundary goes to the higher grade and the realised share is reported', () => {
    const sales = [100, 90, 90, 70, 60, 50, 40, 30, 20, 10];
    const result = gradePopulation(quotaModel('shared'), population({ sales_window: sales }), { asOf });
    expect(codes(result.grades)).toBe('AAABBCCCDD');
    expect(result.distribution.map((d) => d.share)).toEqual([0.3, 0.2, 0.3, 0.2]);
  });

  it('all values equal: strict fills quotas by customer id, shared puts everyone in A', () => {
    const sales = Array(10).fill(5);
    expect(
      codes(gradePopulation(quotaModel('strict'), population({ sales_window: sales }), { asOf }).grades),
    ).toBe('AABBBCCCDD');
    expect(
      codes(gradePopulation(quotaModel('shared'), population({ sales_window: sales }), { asOf }).grades),
    ).toBe('AAAAAAAAAA');
  });

  it('one customer: rank 1 of 1 reaches no quota before the last (reference rule rn·10 ≤ n·2)', () => {
    expect(
      codes(gradePopulation(quotaModel('strict'), population({ sales_window: [5] }), { asOf }).grades),
    ).toBe('D');
  });
});

describe('score thresholds', () => {
  it('a score exactly on a threshold gets the higher grade', () => {
    const m = model({
      factors: [
        {
          id: 'x',
          metric: 'sales_window',
          normaliser: { kind: 'bins', edges: [59, 79], scores: [0, 60, 80] },
          weight: 1,
        },
      ],
      method: { kind: 'thresholds', thresholds: [80, 60] },
      ladder: ladder('A', 'B', 'C'),
    });
    expect(codes(gradePopulation(m, population({ sales_window: [100, 70, 10] }), { asOf }).grades)).toBe(
      'ABC',
    );
  });
});

describe('ABC 80/15/5 by cumulative share before the customer', () => {
  const sales = [50, 30, 10, 5, 5, 0, -3];
  const grade = (values: (number | null)[]) =>
    codes(
      gradePopulation(PRESET_ABC, population({ sales_window: values, frequency: values.map(() => 1) }), {
        asOf,
      }).grades,
    );
  it('shares before: 0 % A, 50 % A, 80 % B, 90 % B, 95 % C; zero and negative last', () => {
    expect(grade(sales)).toBe('AABBCCC');
  });
  it('a tie on the B/C boundary is broken by customer id', () => {
    expect(grade([80, 10, 5, 5])).toBe('ABBC');
  });
  it('one customer is A; all zero is all C; NULL is C', () => {
    expect(grade([7])).toBe('A');
    expect(grade([0, 0])).toBe('CC');
    expect(grade([null, 5])).toBe('CA');
  });
  it('a total beyond 2⁵³ cents is summed exactly and graded in rank order', () => {
    // ¥50, 30, 10 and 1 trillion: 9.1·10¹⁵ cents. Shares before: 0 % A, 55 % A, 88 % B, 99 % C.
    expect(grade([5e13, 3e13, 1e13, 1e12, 0])).toBe('AABCC');
    expect(grade([1e12, 1e13, 3e13, 5e13])).toBe('CBAA');
  });
  it('class value shares sum to 100 %', () => {
    const result = gradePopulation(
      PRESET_ABC,
      population({ sales_window: sales, frequency: sales.map(() => 1) }),
      { asOf },
    );
    const shares = (result.params.method as AbcParams).valueShares;
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shares.map((s) => Math.round(s * 100))).toEqual([80, 15, 5]);
  });
});

describe('RFM', () => {
  it('ntile(5) of 7 rows: tiles of 2, 2, 1, 1, 1', () => {
    expect(tileSizes(7, 5)).toEqual([2, 2, 1, 1, 1]);
  });
});

describe('prospect grade by months to close (3/6/12)', () => {
  it('A ≤ 3, B 4–6, C 7–12, D > 12 or unknown', () => {
    const months = [0, 3, 4, 6, 7, 12, 13, null];
    const result = gradePopulation(PRESET_PROSPECT, population({ months_to_close: months }), { asOf });
    expect(codes(result.grades)).toBe('AABBCCDD');
  });
  it('a weak firmographic potential drops one grade', () => {
    const m = model({
      factors: [
        {
          id: 'nature',
          metric: 'nature',
          normaliser: { kind: 'category', map: { 国企: 90, 民企: 40 } },
          weight: 1,
        },
      ],
      method: { kind: 'prospect', monthLimits: [3, 6, 12], minPotentialScore: 50 },
      ladder: PRESET_PROSPECT.ladder,
    });
    const result = gradePopulation(
      m,
      population({ months_to_close: [2, 2, 20], nature: ['国企', '民企', '民企'] }),
      { asOf },
    );
    expect(codes(result.grades)).toBe('ABD');
  });
});

describe('2×2 matrix share of wallet × upcoming volume', () => {
  it('keep / keep-or-acquire / develop / acquire-or-abandon; values at a cut count as high', () => {
    const result = gradePopulation(
      PRESET_MATRIX,
      population({
        share_of_wallet: [0.5, 0.9, 0.1, 0.1, null],
        upcoming_purchase_volume: [1e6, 10, 5e6, 10, 5e6],
      }),
      { asOf },
    );
    expect(Array.from(result.grades)).toEqual([0, 1, 2, 3, 2]);
  });
});

describe('value classes', () => {
  it('BZC when profit after cost to serve < 0; MVC top 20 % by profit; MGC top 20 % by growth of the rest', () => {
    const result = gradePopulation(
      PRESET_VALUE_CLASSES,
      population({
        frequency: Array(10).fill(1),
        profit_window: [1000, 900, 800, 700, 600, 500, 400, 300, 200, 100],
        sales_growth: [0.1, 0.1, 5, 0.2, 3, null, 0.1, 0.1, 0.1, 0.1],
        profit_after_cost_to_serve: [-1, 900, 800, 700, 600, 500, 400, 300, 200, 100],
      }),
      { asOf },
    );
    // ⌊10 · 20 %⌋ = 2 per class: customer 1 is BZC; 2 and 3 lead by profit; of the rest 5 (300 %) and 4 (20 %)
    // lead by growth, and customer 3's 500 % growth does not count because it is already MVC.
    expect(Array.from(result.grades, (g) => PRESET_VALUE_CLASSES.ladder[g]!.code)).toEqual([
      'BZC',
      'MVC',
      'MVC',
      'MGC',
      'MGC',
      'other',
      'other',
      'other',
      'other',
      'other',
    ]);
  });
});

describe('lifecycle derivation', () => {
  it('target, intent, new, growing, stable, declining, churned', () => {
    const result = gradePopulation(
      PRESET_LIFECYCLE,
      population({
        frequency: [0, 0, 2, 5, 5, 5, 5],
        contacts_window: [0, 3, 0, 0, 0, 0, 0],
        tenure_days: [NaN, NaN, 100, 900, 900, 900, 900],
        recency_days: [NaN, NaN, 10, 10, 10, 10, 400],
        purchase_cycle_days: [NaN, NaN, 90, 90, 90, 90, 90],
        sales_growth: [NaN, NaN, 0, 0.5, 0, -0.5, 0],
        months_to_close: [NaN, NaN, NaN, NaN, NaN, NaN, NaN],
      }),
      { asOf },
    );
    expect(Array.from(result.grades)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
  it('churn waits for three purchase cycles when that is longer than 12 months', () => {
    const result = gradePopulation(
      PRESET_LIFECYCLE,
      population({
        frequency: [3],
        tenure_days: [2000],
        recency_days: [400],
        purchase_cycle_days: [200],
        sales_growth: [0],
      }),
      { asOf: toDayNumber(asOf) },
    );
    expect(Array.from(result.grades)).toEqual([4]);
  });
});

describe('k-means clustering', () => {
  const m = model({
    method: { kind: 'cluster', metrics: ['sales_window', 'avg_days_late'], kMin: 2, kMax: 4, seed: 7 },
    ladder: ladder('1', '2', '3', '4'),
  });
  const data = population({
    sales_window: [100, 101, 99, 100, 5, 6, 4, 5],
    avg_days_late: [1, 2, 1, 2, 60, 61, 59, 60],
  });
  it('finds the two obvious groups by silhouette and puts the valuable one first', () => {
    const result = gradePopulation(m, data, { asOf });
    expect(Array.from(result.grades)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    const params = result.params.method as ClusterParams;
    expect(params.centroids.length).toBe(2);
    expect(params.labels[0]!['en-US']).toMatch(/high sales in window|low average days late/);
  });
  it('is deterministic for a seed', () => {
    expect(gradePopulation(m, data, { asOf }).params).toEqual(gradePopulation(m, data, { asOf }).params);
  });
});
