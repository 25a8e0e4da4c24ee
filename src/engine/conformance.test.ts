import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PopulationColumns } from './columns.js';
import { cellValue } from './columns.js';
import { gradePopulation } from './grade.js';
import type { Model, NormaliserSpec } from './model/schema.js';
import {
  PRESET_ABC,
  PRESET_LIFECYCLE,
  PRESET_MATRIX,
  PRESET_PROSPECT,
  PRESET_RFM,
  PRESET_VALUE_CLASSES,
} from './model/presets.js';
import { scoreOne } from './score-one.js';
import type { AbcParams } from './graders/abc.js';
import { ladder, model } from './testing/models.js';

/**
 * One conformance suite over every normaliser and every grader: deterministic, independent of input
 * order, monotone in the score, quota shares within one tie group of target, ABC shares summing to 100 %,
 * and single-customer scoring against stored parameters equal to the batch.
 */
const asOf = '2025-01-01';
const METRICS = [
  'sales_window',
  'profit_window',
  'sales_growth',
  'avg_days_late',
  'recency_days',
  'frequency',
  'monetary',
  'months_to_close',
  'share_of_wallet',
  'upcoming_purchase_volume',
  'profit_after_cost_to_serve',
  'tenure_days',
  'purchase_cycle_days',
  'contacts_window',
] as const;

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 12 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
);
const populationArb = fc.integer({ min: 0, max: 40 }).chain((n) =>
  fc.record({
    ids: fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: n, maxLength: n }),
    columns: fc.tuple(...METRICS.map(() => fc.array(cell, { minLength: n, maxLength: n }))),
  }),
);
const toColumns = (p: { ids: number[]; columns: number[][] }): PopulationColumns => ({
  ids: Int32Array.from(p.ids),
  metrics: Object.fromEntries(METRICS.map((m, k) => [m, Float64Array.from(p.columns[k]!)])),
});

const NORMALISERS: NormaliserSpec[] = [
  { kind: 'percentile', nulls: 'first' },
  { kind: 'percentile', nulls: 'last' },
  { kind: 'percentile', nulls: 'policy' },
  { kind: 'minmax' },
  { kind: 'log-minmax' },
  { kind: 'zscore', clip: 3 },
  { kind: 'bins', edges: [0, 5, 10], scores: [10, 40, 70, 100] },
];
const scored = (normaliser: NormaliserSpec, method: Model['method'], grades = 4) =>
  model({
    factors: [
      { id: 'a', metric: 'sales_window', normaliser, weight: 3, nullPolicy: 'median' },
      {
        id: 'b',
        weight: 2,
        factors: [
          { id: 'p', metric: 'profit_window', normaliser, weight: 1, nullPolicy: 'exclude' },
          { id: 'l', metric: 'avg_days_late', normaliser, weight: 1 },
        ],
      },
    ],
    method,
    ladder: ladder(...'ABCDEFG'.slice(0, grades)),
  });
const SCORE_MODELS: [string, Model][] = NORMALISERS.flatMap((n) => [
  [
    `${n.kind}/${'nulls' in n ? n.nulls : ''} quotas strict`,
    scored(n, { kind: 'quotas', quotas: [20, 30, 30, 20], ties: 'strict' }),
  ],
  [
    `${n.kind}/${'nulls' in n ? n.nulls : ''} quotas shared`,
    scored(n, { kind: 'quotas', quotas: [20, 30, 30, 20], ties: 'shared' }),
  ],
  [
    `${n.kind}/${'nulls' in n ? n.nulls : ''} thresholds`,
    scored(n, { kind: 'thresholds', thresholds: [75, 50, 25] }),
  ],
]);
const OTHER_MODELS: [string, Model][] = [
  ['abc', PRESET_ABC],
  ['rfm', PRESET_RFM],
  ['prospect', PRESET_PROSPECT],
  ['matrix', PRESET_MATRIX],
  ['value classes', PRESET_VALUE_CLASSES],
  ['lifecycle', PRESET_LIFECYCLE],
  [
    'cluster',
    model({
      method: { kind: 'cluster', metrics: ['sales_window', 'avg_days_late'], k: 3, seed: 3 },
      ladder: ladder('1', '2', '3'),
    }),
  ],
];
const ALL = [...SCORE_MODELS, ...OTHER_MODELS];
const RUNS = { numRuns: 25 };

function gradesById(m: Model, columns: PopulationColumns): Map<number, number> {
  const r = gradePopulation(m, columns, { asOf });
  return new Map(Array.from(r.ids, (id, i) => [id, r.grades[i]!]));
}

function permute(columns: PopulationColumns, order: number[]): PopulationColumns {
  const rows = Int32Array.from(order);
  return {
    ids: Int32Array.from(rows, (r) => columns.ids[r]!),
    metrics: Object.fromEntries(
      Object.entries(columns.metrics).map(([m, c]) => [
        m,
        Float64Array.from(rows, (r) => (c as Float64Array)[r]!),
      ]),
    ),
  };
}

describe.each(ALL)('conformance: %s', (_name, m) => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(populationArb, (p) => {
        expect(gradesById(m, toColumns(p))).toEqual(gradesById(m, toColumns(p)));
      }),
      RUNS,
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(
        populationArb.chain((p) =>
          fc.tuple(fc.constant(p), fc.shuffledSubarray([...p.ids.keys()], { minLength: p.ids.length })),
        ),
        ([p, order]) => {
          const columns = toColumns(p);
          expect(gradesById(m, permute(columns, order))).toEqual(gradesById(m, columns));
        },
      ),
      RUNS,
    );
  });

  it('scoreOne against stored parameters equals the batch for every member', () => {
    fc.assert(
      fc.property(populationArb, (p) => {
        const columns = toColumns(p);
        const r = gradePopulation(m, columns, { asOf });
        r.ids.forEach((id, i) => {
          const metrics = Object.fromEntries(
            Object.entries(columns.metrics).map(([k, c]) => [k, cellValue(c, r.rows[i]!)]),
          );
          const one = scoreOne(m, r.params, id, metrics);
          expect(one.grade).toBe(r.grades[i]);
          if (!Number.isNaN(r.scores[i]!)) expect(one.score).toBe(r.scores[i]);
        });
      }),
      RUNS,
    );
  });
});

describe('input order, on a population found by CI', () => {
  it('z-score with shared quotas grades the same when two near-equal large values are read in another order', () => {
    const given: Partial<Record<(typeof METRICS)[number], number[]>> = {
      sales_window: [0, Number.NaN, 0, 10, Number.NaN, 2, 0, 0, 2],
      profit_window: [0, 0, 0, 0, 0, Number.NaN, 8, 0, 2],
      avg_days_late: [0, -999999.9999999983, 0, 6, -999999.9999999984, 0, -3, 5, -1],
    };
    const found = {
      ids: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      columns: METRICS.map((metric) => given[metric] ?? new Array<number>(9).fill(0)),
    };
    const m = scored(
      { kind: 'zscore', clip: 3 },
      { kind: 'quotas', quotas: [20, 30, 30, 20], ties: 'shared' },
    );
    const columns = toColumns(found);
    expect(gradesById(m, permute(columns, [7, 5, 1, 8, 2, 0, 3, 4, 6]))).toEqual(gradesById(m, columns));
  });
});

describe.each(SCORE_MODELS)('conformance of score methods: %s', (_name, m) => {
  it('is monotone: a better score never gives a lower grade', () => {
    fc.assert(
      fc.property(populationArb, (p) => {
        const r = gradePopulation(m, toColumns(p), { asOf });
        const key = (s: number) => (Number.isNaN(s) ? Number.NEGATIVE_INFINITY : s);
        for (let i = 0; i < r.ids.length; i++)
          for (let j = 0; j < r.ids.length; j++)
            if (key(r.scores[i]!) > key(r.scores[j]!)) expect(r.grades[i]).toBeLessThanOrEqual(r.grades[j]!);
      }),
      RUNS,
    );
  });
});

describe.each(SCORE_MODELS.filter(([name]) => name.includes('quotas')))('quota shares: %s', (_name, m) => {
  it('each cumulative grade count is within one tie group of its target', () => {
    fc.assert(
      fc.property(populationArb, (p) => {
        const r = gradePopulation(m, toColumns(p), { asOf });
        const n = r.ids.length;
        const groupSize = new Map<number, number>();
        r.scores.forEach((s) => groupSize.set(s, (groupSize.get(s) ?? 0) + 1));
        const largest = Math.max(1, ...groupSize.values());
        let cumulative = 0;
        [20, 50, 80].forEach((limit, g) => {
          cumulative += r.distribution[g]!.count;
          expect(Math.abs(cumulative - Math.floor((n * limit) / 100))).toBeLessThanOrEqual(largest);
        });
      }),
      RUNS,
    );
  });
});

describe('ABC shares', () => {
  it('class value shares sum to 100 % whenever there is a positive total', () => {
    fc.assert(
      fc.property(populationArb, (p) => {
        const r = gradePopulation(PRESET_ABC, toColumns(p), { asOf });
        const { valueShares, total } = r.params.method as AbcParams;
        expect(valueShares.reduce((a, b) => a + b, 0)).toBeCloseTo(total > 0 ? 1 : 0, 9);
        expect(r.distribution.reduce((a, d) => a + d.share, 0)).toBeCloseTo(r.ids.length ? 1 : 0, 9);
      }),
      RUNS,
    );
  });
});
