import { describe, expect, it } from 'vitest';
import { categoryHistogram, numericHistogram, scoreHistogram } from './factor-histogram.js';

const counts = (h: { bins: { count: number }[] }) => h.bins.map((b) => b.count);

describe('numericHistogram', () => {
  it('counts every non-NULL value exactly once and NULLs apart', () => {
    const values = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, Number.NaN, Number.NaN]);
    const h = numericHistogram(values, 5, 1);
    if (h.kind !== 'numeric') throw new Error('numeric expected');
    expect(counts(h)).toEqual([2, 2, 2, 2, 2]);
    expect(h.nulls).toBe(2);
    expect(h.bins[0]).toMatchObject({ from: 0 });
    expect(h.bins[4]).toMatchObject({ to: 9 });
  });

  it('a long tail beyond the quantile falls in the last bin, which reaches the maximum', () => {
    const values = Float64Array.from([...Array.from({ length: 99 }, (_, i) => i % 10), 1_000_000]);
    const h = numericHistogram(values, 10, 0.98);
    if (h.kind !== 'numeric') throw new Error('numeric expected');
    expect(counts(h).reduce((a, b) => a + b, 0)).toBe(100);
    expect(h.bins.at(-1)!.to).toBe(1_000_000);
    expect(h.bins[0]!.to).toBeLessThan(1);
  });

  it('one distinct value is one bin; an all-NULL or empty column has no bins', () => {
    const same = numericHistogram(Float64Array.from([5, 5, 5]));
    expect(same).toEqual({ kind: 'numeric', bins: [{ from: 5, to: 5, count: 3 }], nulls: 0 });
    expect(numericHistogram(Float64Array.from([Number.NaN]))).toEqual({
      kind: 'numeric',
      bins: [],
      nulls: 1,
    });
    expect(numericHistogram(new Float64Array(0))).toEqual({ kind: 'numeric', bins: [], nulls: 0 });
  });

  it('negative values are binned like any other (a balance can be negative)', () => {
    const h = numericHistogram(Float64Array.from([-10, -5, 0, 5, 10]), 4, 1);
    if (h.kind !== 'numeric') throw new Error('numeric expected');
    expect(counts(h)).toEqual([1, 1, 1, 2]);
  });
});

describe('categoryHistogram', () => {
  it('ranks categories by count, keeps the top ones and sums the rest', () => {
    const h = categoryHistogram(['a', 'b', 'b', 'c', 'c', 'c', null, 'd'], 2);
    expect(h).toEqual({
      kind: 'category',
      categories: [
        { value: 'c', count: 3 },
        { value: 'b', count: 2 },
      ],
      others: 2,
      nulls: 1,
    });
  });
});

describe('scoreHistogram', () => {
  it('puts unit scores in ten 0–100 bins, 100 in the last, NaN as NULL', () => {
    const h = scoreHistogram(Float64Array.from([0, 0.05, 0.1, 0.5, 0.999, 1, Number.NaN]));
    expect(counts(h)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(h.nulls).toBe(1);
    expect(h.bins[9]).toMatchObject({ from: 90, to: 100 });
  });
});
