import { describe, expect, it } from 'vitest';
import { gradePopulation } from '../grade.js';
import type { ZodError } from 'zod';
import { model, ladder, population } from '../testing/models.js';

const asOf = '2025-01-01';
/** Bins that hand a factor a chosen 0–100 score: the metric value is the score itself, in steps of 10. */
const identityBins = {
  kind: 'bins',
  edges: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90],
  scores: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
} as const;
const factor = (id: string, metric: 'avg_days_late' | 'sales_window' | 'profit_window', weight: number) => ({
  id,
  metric,
  normaliser: identityBins,
  direction: 'higher-is-better' as const,
  weight,
});
const sourceExample = (weights: [number, number, number]) =>
  model({
    factors: [
      factor('credit', 'avg_days_late', weights[0]),
      factor('sales', 'sales_window', weights[1]),
      factor('profit', 'profit_window', weights[2]),
    ],
    method: { kind: 'thresholds', thresholds: [80, 60, 40] },
    ladder: ladder('A', 'B', 'C', 'D'),
  });
const people = population({
  avg_days_late: [80, 100, 0],
  sales_window: [50, 100, 0],
  profit_window: [90, 100, 0],
});

describe('weighted composite on a 100-point base', () => {
  it('the source example: credit 10 %, order amount 30 %, profit 60 % — 80/50/90 scores 77', () => {
    const result = gradePopulation(sourceExample([10, 30, 60]), people, { asOf });
    expect(result.scores[0]).toBeCloseTo(0.1 * 80 + 0.3 * 50 + 0.6 * 90, 12);
    expect(result.scores[0]).toBeCloseTo(77, 12);
    expect(Array.from(result.scores.slice(1))).toEqual([100, 0]);
    expect(Array.from(result.grades)).toEqual([1, 0, 3]);
  });

  it('a factor score column is 100 × its unit scores, made when first read and then kept', () => {
    const result = gradePopulation(sourceExample([10, 30, 60]), people, { asOf });
    const descriptor = Object.getOwnPropertyDescriptor(result.factorScores, 'sales')!;
    expect(descriptor.get).toBeDefined();
    const sales = result.factorScores.sales!;
    expect(Array.from(sales)).toEqual(Array.from(result.units.get('sales')!, (u) => 100 * u));
    expect(result.factorScores.sales).toBe(sales);
    expect(Object.keys(result.factorScores)).toEqual(['credit', 'sales', 'profit']);
  });

  it('weights not summing to 100 are normalised: 1/3/6 and 0.1/0.3/0.6 grade like 10/30/60', () => {
    const reference = gradePopulation(sourceExample([10, 30, 60]), people, { asOf }).scores;
    for (const weights of [
      [1, 3, 6],
      [0.1, 0.3, 0.6],
    ] as [number, number, number][])
      gradePopulation(sourceExample(weights), people, { asOf }).scores.forEach((s, i) =>
        expect(s).toBeCloseTo(reference[i]!, 12),
      );
  });

  it('all-zero weights and negative weights are rejected, naming the field', () => {
    expect(() => sourceExample([0, 0, 0])).toThrow(/weights must not all be zero/);
    try {
      sourceExample([10, -30, 60]);
      expect.unreachable();
    } catch (error) {
      expect((error as ZodError).issues[0]!.path).toEqual(['factors', 1, 'weight']);
    }
  });

  it('a factor may itself be a weighted blend: 0.75·sales + 0.25·growth', () => {
    const blended = model({
      factors: [
        {
          id: 'sales',
          weight: 1,
          factors: [
            { id: 'sales', metric: 'sales_window', normaliser: identityBins, weight: 75 },
            { id: 'growth', metric: 'profit_window', normaliser: identityBins, weight: 25 },
          ],
        },
      ],
      method: { kind: 'thresholds', thresholds: [50] },
      ladder: ladder('A', 'B'),
    });
    const result = gradePopulation(blended, population({ sales_window: [40], profit_window: [80] }), {
      asOf,
    });
    expect(result.factorScores.sales![0]).toBeCloseTo(0.75 * 40 + 0.25 * 80, 12);
  });

  describe('NULL policies', () => {
    const withPolicy = (nullPolicy: 'zero' | 'median' | 'exclude') =>
      model({
        factors: [
          { ...factor('credit', 'avg_days_late', 50), nullPolicy },
          factor('sales', 'sales_window', 50),
        ],
        method: { kind: 'thresholds', thresholds: [50] },
        ladder: ladder('A', 'B'),
      });
    const data = population({ avg_days_late: [null, 20, 40, 100], sales_window: [60, 60, 60, 60] });
    it('zero: a NULL factor scores 0 (60·0.5 = 30)', () => {
      expect(gradePopulation(withPolicy('zero'), data, { asOf }).scores[0]).toBe(30);
    });
    it('median: a NULL factor scores the population median (median of 20, 40, 100 = 40 → 50)', () => {
      expect(gradePopulation(withPolicy('median'), data, { asOf }).scores[0]).toBe(50);
    });
    it('exclude: the factor is dropped and the others re-weighted (60)', () => {
      expect(gradePopulation(withPolicy('exclude'), data, { asOf }).scores[0]).toBe(60);
    });
  });

  it('empty population: no grades, empty distribution counts', () => {
    const result = gradePopulation(
      sourceExample([10, 30, 60]),
      population({ avg_days_late: [], sales_window: [], profit_window: [] }),
      { asOf },
    );
    expect(result.grades.length).toBe(0);
    expect(result.distribution.map((d) => d.count)).toEqual([0, 0, 0, 0]);
  });
});
