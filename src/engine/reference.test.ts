import { beforeAll, describe, expect, it } from 'vitest';
import { gradePopulation, type GradingResult } from './grade.js';
import { deriveMetrics } from './metrics/derive.js';
import { PRESET_ABC, PRESET_COMPOSITE_QUOTAS, PRESET_RFM } from './model/presets.js';
import { scoreOne } from './score-one.js';
import { baseAggregates, referenceOrders } from './testing/reference-data.js';
import { cellValue } from './columns.js';
import { runReferenceTiering } from '../testing/reference-tiering.js';

const CUSTOMERS = 3000;
const AS_OF = '2025-01-01';

interface TieringRow {
  customer_id: number;
  recency_days: number;
  frequency: string;
  sales_12m: string;
  avg_monthly_sales_12m: number;
  margin_12m: number | null;
  yoy_growth: number | null;
  avg_days_late: number;
  credit_score: number;
  sales_score: number;
  profit_score: number;
  composite: number;
  grade: string;
  abc: string;
  rfm: number;
}

describe('the reference preset reproduces shared/reference/tiering.sql', () => {
  const orders = referenceOrders(CUSTOMERS, 20250101);
  const metrics = deriveMetrics(baseAggregates(CUSTOMERS, orders, AS_OF), AS_OF, 12);
  let reference: TieringRow[];
  let composite: GradingResult;
  let abc: GradingResult;
  let rfm: GradingResult;

  beforeAll(async () => {
    reference = await runReferenceTiering<TieringRow>(CUSTOMERS, orders);
    composite = gradePopulation(PRESET_COMPOSITE_QUOTAS, metrics, { asOf: AS_OF });
    abc = gradePopulation(PRESET_ABC, metrics, { asOf: AS_OF });
    rfm = gradePopulation(PRESET_RFM, metrics, { asOf: AS_OF });
  }, 60_000);

  it('grades the same population (customers with orders before the as-of date)', () => {
    expect(Array.from(composite.ids)).toEqual(reference.map((r) => r.customer_id));
    expect(reference.length).toBeGreaterThan(2500);
  });

  it('the data set has ties, NULL growth and margin, zero sales and negative profit', () => {
    const sales = reference.map((r) => r.sales_12m);
    expect(new Set(sales).size).toBeLessThan(sales.length * 0.9);
    expect(reference.some((r) => r.yoy_growth === null)).toBe(true);
    expect(reference.some((r) => r.margin_12m === null)).toBe(true);
    expect(reference.some((r) => r.sales_12m === '0.00' || r.sales_12m === '0')).toBe(true);
    expect(reference.some((r) => (r.margin_12m ?? 0) < 0)).toBe(true);
  });

  it('derives the metrics with the same float conversions', () => {
    const column = (id: 'recency_days' | 'avg_monthly_sales' | 'margin' | 'sales_growth' | 'avg_days_late') =>
      composite.columns.metrics[id] as Float64Array;
    reference.forEach((r, i) => {
      expect(column('recency_days')[i]).toBe(r.recency_days);
      expect(column('avg_monthly_sales')[i]).toBe(r.avg_monthly_sales_12m);
      expect(column('margin')[i]).toBe(r.margin_12m ?? Number.NaN);
      expect(column('sales_growth')[i]).toBe(r.yoy_growth ?? Number.NaN);
      expect(column('avg_days_late')[i]).toBe(r.avg_days_late);
      expect(cellValue(composite.columns.metrics.frequency!, i)).toBe(Number(r.frequency));
    });
  });

  it('every score is bit-identical (===) to the SQL', () => {
    const mismatches = reference.filter(
      (r, i) =>
        composite.factorScores.credit![i] !== r.credit_score ||
        composite.factorScores.sales![i] !== r.sales_score ||
        composite.factorScores.profit![i] !== r.profit_score ||
        composite.scores[i] !== r.composite,
    );
    expect(mismatches).toEqual([]);
  });

  it('every quota grade, ABC class and RFM code equals the SQL', () => {
    const codes = (result: GradingResult, ladder: readonly { code: string }[]) =>
      Array.from(result.grades, (g) => ladder[g]!.code);
    expect(codes(composite, PRESET_COMPOSITE_QUOTAS.ladder)).toEqual(reference.map((r) => r.grade));
    expect(codes(abc, PRESET_ABC.ladder)).toEqual(reference.map((r) => r.abc));
    expect(Array.from(rfm.rfm!.code)).toEqual(reference.map((r) => r.rfm));
  });

  it('re-scoring any single customer against the stored run parameters gives the batch result', () => {
    for (let i = 0; i < reference.length; i += 7) {
      const one = Object.fromEntries(
        Object.entries(metrics.metrics).map(([m, column]) => [m, cellValue(column, composite.rows[i]!)]),
      );
      const id = composite.ids[i]!;
      const single = scoreOne(PRESET_COMPOSITE_QUOTAS, composite.params, id, one);
      expect(single.score).toBe(reference[i]!.composite);
      expect(PRESET_COMPOSITE_QUOTAS.ladder[single.grade]!.code).toBe(reference[i]!.grade);
      expect(PRESET_ABC.ladder[scoreOne(PRESET_ABC, abc.params, id, one).grade]!.code).toBe(
        reference[i]!.abc,
      );
      expect(scoreOne(PRESET_RFM, rfm.params, id, one).rfmCode).toBe(reference[i]!.rfm);
    }
  });
});
