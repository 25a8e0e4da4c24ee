import { describe, expect, it } from 'vitest';
import type { CustomerMetrics, PopulationColumns } from '../columns.js';
import { gradePopulation } from '../grade.js';
import type { MetricId } from '../metrics/catalogue.js';
import type { Model, ModelInput } from '../model/schema.js';
import { seededRandom } from '../stats.js';
import { ladder, model, population } from '../testing/models.js';
import { explainColumns, explainCustomer } from './index.js';

const asOf = '2025-01-01';
const METRICS: readonly MetricId[] = [
  'sales_window',
  'profit_window',
  'sales_growth',
  'avg_days_late',
  'recency_days',
  'margin',
];

/** 400 customers with cents, basis points, whole days, ties, negative profit and NULLs. */
function mixedPopulation(seed: number) {
  const random = seededRandom(seed);
  const n = 400;
  const column = (f: () => number | null) => Array.from({ length: n }, f);
  const metrics: Record<string, (number | null)[]> = {
    sales_window: column(() => Math.round(random() * 5e5) / 100),
    profit_window: column(() => Math.round((random() - 0.2) * 1e5) / 100),
    sales_growth: column(() => (random() < 0.15 ? null : Math.round((random() * 2 - 0.5) * 1e4) / 1e4)),
    avg_days_late: column(() => (random() < 0.4 ? 0 : Math.floor(random() * 90))),
    recency_days: column(() => Math.floor(random() * 20)),
    margin: column(() => (random() < 0.1 ? null : random())),
  };
  return population(metrics);
}

const factors = (nullPolicy: 'zero' | 'exclude') => [
  { id: 'sales', metric: 'sales_window', normaliser: { kind: 'percentile', nulls: 'first' }, weight: 25 },
  { id: 'profit', metric: 'profit_window', normaliser: { kind: 'log-minmax' }, weight: 25 },
  {
    id: 'health',
    weight: 30,
    factors: [
      {
        id: 'growth',
        metric: 'sales_growth',
        normaliser: { kind: 'zscore', clip: 3 },
        weight: 2,
        nullPolicy,
      },
      { id: 'margin', metric: 'margin', normaliser: { kind: 'percentile', nulls: 'last' }, weight: 1 },
    ],
  },
  {
    id: 'credit',
    metric: 'avg_days_late',
    normaliser: { kind: 'bins', edges: [0, 15, 30, 60], scores: [100, 80, 60, 30, 0] },
    weight: 10,
  },
  { id: 'recency', metric: 'recency_days', normaliser: { kind: 'minmax' }, weight: 10 },
];

const models: [string, Model][] = [
  [
    'strict quotas',
    model({
      factors: factors('zero'),
      method: { kind: 'quotas', quotas: [20, 30, 30, 20] },
      ladder: ladder('A', 'B', 'C', 'D'),
    }),
  ],
  [
    'shared quotas with a re-weighting NULL policy',
    model({
      factors: factors('exclude'),
      method: { kind: 'quotas', quotas: [10, 40, 50], ties: 'shared' },
      ladder: ladder('A', 'B', 'C'),
    }),
  ],
  [
    'thresholds',
    model({
      factors: factors('zero'),
      method: { kind: 'thresholds', thresholds: [70, 50, 30] },
      ladder: ladder('A', 'B', 'C', 'D'),
    }),
  ],
];

/** The columnar pass proposes, for every customer, the change `explainCustomer` puts first. */
function expectHeadlineChanges(m: Model, data: PopulationColumns, metricIds: readonly MetricId[]): void {
  const result = gradePopulation(m, data, { asOf });
  const columns = explainColumns(m, result);
  let reachable = 0;
  for (let i = 0; i < result.ids.length; i++) {
    const metrics: CustomerMetrics = {};
    for (const metric of metricIds) metrics[metric] = (data.metrics[metric] as Float64Array)[i]!;
    const best = explainCustomer(m, result.params, result.ids[i]!, metrics).nextGrade?.best ?? undefined;
    const leaf = columns.bestLeaf[i]!;
    expect(leaf === -1 ? undefined : columns.leaves[leaf]).toBe(best?.path);
    if (best) expect(columns.bestValue[i]).toBe(best.to);
    if (best) reachable++;
  }
  expect(columns.reachableCount).toBe(reachable);
  expect(reachable).toBeGreaterThan(0);
}

describe('columnar explanations', () => {
  it.each(models)('%s: every customer gets the headline change explainCustomer gives', (_, m) => {
    for (const seed of [1, 2]) expectHeadlineChanges(m, mixedPopulation(seed), METRICS);
  });

  it.each<[string, ModelInput['method']]>([
    ['quotas', { kind: 'quotas', quotas: [20, 30, 30, 20] }],
    ['thresholds', { kind: 'thresholds', thresholds: [75, 50, 25] }],
  ])(
    'percentile leaves on a lattice, where moving one leaf often lands exactly on the pass line: %s',
    (_, method) => {
      const random = seededRandom(9);
      const n = 300;
      const column = (distinct: number) => Array.from({ length: n }, () => Math.floor(random() * distinct));
      const lattice = model({
        factors: [
          {
            id: 'sales',
            metric: 'sales_window',
            normaliser: { kind: 'percentile', nulls: 'first' },
            weight: 2,
          },
          {
            id: 'frequency',
            metric: 'frequency',
            normaliser: { kind: 'percentile', nulls: 'first' },
            weight: 1,
          },
          {
            id: 'recency',
            metric: 'recency_days',
            normaliser: { kind: 'percentile', nulls: 'first' },
            weight: 1,
          },
        ],
        method,
        ladder: ladder('A', 'B', 'C', 'D'),
      });
      const data = population({ sales_window: column(30), frequency: column(10), recency_days: column(20) });
      expectHeadlineChanges(lattice, data, ['sales_window', 'frequency', 'recency_days']);
    },
  );

  it('a customer in the best grade, or under a method without a score, has no change', () => {
    const [, m] = models[0]!;
    const result = gradePopulation(m, mixedPopulation(3), { asOf });
    const columns = explainColumns(m, result);
    for (let i = 0; i < result.ids.length; i++)
      if (result.computedGrades[i] === 0) expect(columns.bestLeaf[i]).toBe(-1);
  });

  it('contributions are weight × factor score, and a NULL counts as nothing under the zero policy', () => {
    const [, m] = models[0]!;
    const result = gradePopulation(m, mixedPopulation(4), { asOf });
    const columns = explainColumns(m, result);
    const sales = result.factorScores.sales!;
    expect(columns.contributions.sales![7]).toBe(0.25 * sales[7]!);
    // Made from the unit scores, they equal weight × factor score bit for bit on every row.
    for (const { id, weight } of result.params.factors) {
      const scores = result.factorScores[id]!;
      const expected = Array.from(scores, (score) => (Number.isNaN(score) ? 0 : weight * score));
      expect(Array.from(columns.contributions[id]!)).toEqual(expected);
    }
    const total = (i: number) =>
      Object.values(columns.contributions).reduce((sum, column) => sum + column[i]!, 0);
    for (const i of [0, 50, 399]) expect(total(i)).toBeCloseTo(result.scores[i]!, 9);
  });
});
