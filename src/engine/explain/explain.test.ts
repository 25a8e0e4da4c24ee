import { describe, expect, it } from 'vitest';
import { gradePopulation } from '../grade.js';
import { scoreOne } from '../score-one.js';
import { whatIf } from '../what-if.js';
import { model, ladder, population } from '../testing/models.js';
import { explainColumns, explainCustomer } from './index.js';

const asOf = '2025-01-01';
const composite = model({
  factors: [
    {
      id: 'credit',
      metric: 'avg_days_late',
      normaliser: { kind: 'bins', edges: [0, 15, 30, 60], scores: [100, 80, 60, 30, 0] },
      weight: 10,
    },
    { id: 'sales', metric: 'sales_window', normaliser: { kind: 'percentile', nulls: 'first' }, weight: 30 },
    { id: 'profit', metric: 'profit_window', normaliser: { kind: 'percentile', nulls: 'first' }, weight: 60 },
  ],
  method: { kind: 'quotas', quotas: [20, 30, 30, 20] },
  ladder: ladder('A', 'B', 'C', 'D'),
});
const data = population({
  avg_days_late: [0, 5, 20, 40, 90, 0, 10, 3, 70, 2],
  sales_window: [900, 800, 700, 600, 500, 400, 300, 200, 100, 50],
  profit_window: [90, 80, 70, 60, 50, 40, 30, 20, 10, -5],
});

describe('explanations', () => {
  const result = gradePopulation(composite, data, { asOf });
  const customer = (i: number) => ({
    avg_days_late: (data.metrics.avg_days_late as Float64Array)[i]!,
    sales_window: (data.metrics.sales_window as Float64Array)[i]!,
    profit_window: (data.metrics.profit_window as Float64Array)[i]!,
  });

  it('each factor shows raw value, score, weight and contribution; contributions sum to the score', () => {
    const e = explainCustomer(composite, result.params, 5, customer(4));
    const credit = e.factors.find((f) => f.path === 'credit')!;
    expect([credit.raw, credit.score, credit.weight, credit.contribution]).toEqual([90, 0, 0.1, 0]);
    const sales = e.factors.find((f) => f.path === 'sales')!;
    expect(sales.score).toBeCloseTo((5 / 9) * 100, 12);
    expect(e.factors.reduce((sum, f) => sum + f.contribution, 0)).toBeCloseTo(e.score, 12);
    expect(e.boundaries.map((b) => b.code)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('the suggested single-factor change, applied, lifts the customer exactly one grade', () => {
    for (let i = 2; i < 10; i++) {
      const e = explainCustomer(composite, result.params, i + 1, customer(i));
      const next = e.nextGrade!;
      expect(next.code).toBe('ABCD'[result.grades[i]! - 1]);
      for (const s of next.suggestions) {
        const lifted = scoreOne(composite, result.params, i + 1, { ...customer(i), [s.metric]: s.to });
        expect(lifted.grade).toBeLessThanOrEqual(result.grades[i]! - 1);
      }
    }
  });

  it('"pay faster" is a change in days; money in yuan with the unit in the text', () => {
    const e = explainCustomer(composite, result.params, 3, customer(2));
    const profit = e.nextGrade!.suggestions.find((s) => s.metric === 'profit_window')!;
    expect(profit.to).toBe(80.01);
    expect(profit.text['zh-CN']).toContain('¥');
  });

  it('the best grade has no next grade; a customer no single factor can lift says so', () => {
    expect(explainCustomer(composite, result.params, 1, customer(0)).nextGrade).toBeNull();
    const capped = model({ ...composite, method: { kind: 'thresholds', thresholds: [99.99, 50, 20] } });
    const r = gradePopulation(capped, data, { asOf });
    // customer 2 scores 0.1·80 + 0.3·88.9 + 0.6·88.9 = 88; even the top profit only reaches 94.7 < 99.99
    expect(r.grades[1]).toBe(1);
    const e = explainCustomer(capped, r.params, 2, customer(1));
    expect(e.nextGrade!.text['en-US']).toBe('not reachable by one factor');
  });

  it('columnar explanations agree with the per-customer headline', () => {
    const columns = explainColumns(composite, result);
    for (let i = 0; i < 10; i++) {
      const best = explainCustomer(composite, result.params, i + 1, customer(i)).nextGrade?.best;
      expect(columns.bestLeaf[i] === -1 ? undefined : columns.leaves[columns.bestLeaf[i]!]).toBe(best?.path);
      if (best) expect(columns.bestValue[i]).toBe(best.to);
    }
  });
});

describe('what-if', () => {
  it('two models on one population: migration matrix, both distributions and the movers', () => {
    const after = model({ ...composite, method: { kind: 'quotas', quotas: [50, 30, 10, 10] } });
    const w = whatIf(composite, after, data, { asOf });
    expect(w.before.map((d) => d.count)).toEqual([2, 3, 3, 2]);
    expect(w.after.map((d) => d.count)).toEqual([5, 3, 1, 1]);
    expect(w.migration[1]).toEqual([3, 0, 0, 0]);
    expect(w.migration.flat().reduce((a, b) => a + b, 0)).toBe(10);
    expect(w.movers.length).toBe(10 - w.migration.reduce((sum, row, i) => sum + row[i]!, 0));
  });
});
