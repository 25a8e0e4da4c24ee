import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPercentile } from './percentile-fit.js';

/** percent_rank by its definition: rows ordered strictly before the value over rows − 1. */
function percentRank(values: number[], descending: boolean, nulls: 'first' | 'last' | 'policy'): number[] {
  const present = values.filter((v) => !Number.isNaN(v));
  const nullCount = values.length - present.length;
  const rows = present.length + (nulls === 'policy' ? 0 : nullCount);
  const offset = nulls === 'first' ? nullCount : 0;
  return values.map((v) => {
    if (Number.isNaN(v)) {
      if (nulls === 'policy') return Number.NaN;
      return nulls === 'first' || rows <= 1 ? 0 : present.length / (rows - 1);
    }
    const before = offset + present.filter((x) => (descending ? x > v : x < v)).length;
    return rows > 1 ? before / (rows - 1) : 0;
  });
}

describe('percentile fit', () => {
  it('whole days are ranked by counting: 0, 0, 5, 30 days late, lower is better → 2/3, 2/3, 1/3, 0', () => {
    const { unit, params } = fitPercentile(Float64Array.from([0, 0, 5, 30]), true, 'first');
    expect(Array.from(unit)).toEqual([2 / 3, 2 / 3, 1 / 3, 0]);
    expect(Array.from(params.sorted)).toEqual([0, 0, 5, 30]);
  });

  it('breakpoints keep -0 and 0 in row order, as the sorted column holds them', () => {
    const { params } = fitPercentile(Float64Array.from([0, -0, 2, -0]), false, 'first');
    expect(Array.from(params.sorted, (v) => Object.is(v, -0))).toEqual([false, true, true, false]);
  });

  it('counted (narrow grid) and sorted (any double) columns both equal percent_rank (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -20, max: 20 }),
            fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 100),
            fc.double({ noDefaultInfinity: true, noNaN: true }),
            fc.constant(Number.NaN),
          ),
        ),
        fc.boolean(),
        fc.constantFrom('first', 'last', 'policy'),
        (values, descending, nulls) => {
          const { unit, params } = fitPercentile(Float64Array.from(values), descending, nulls);
          expect(Array.from(unit)).toEqual(percentRank(values, descending, nulls));
          const present = values.filter((v) => !Number.isNaN(v));
          expect(Array.from(params.sorted)).toEqual([...present].sort((a, b) => a - b));
          expect(params.nullCount).toBe(values.length - present.length);
        },
      ),
    );
  });
});
