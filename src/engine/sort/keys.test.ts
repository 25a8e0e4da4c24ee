import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonOrder } from '../testing/comparison-order.js';
import { decimalGrid } from './keys.js';
import { argsort } from './radix.js';

const grid = (values: number[]) => decimalGrid(Float64Array.from(values));

describe('decimal grid keys', () => {
  it('whole days, cents and basis points find the smallest scale that makes every value whole', () => {
    expect(grid([0, 3, 90])).toEqual({ scale: 1, min: 0, max: 90 });
    expect(grid([12.34, -0.5, Number.NaN])).toEqual({ scale: 100, min: -50, max: 1234 });
    expect(grid([0.1234, 1])).toEqual({ scale: 10000, min: 1234, max: 10000 });
  });

  it('values off the grid, infinities, only NULLs and ranges too wide to gain a pass have none', () => {
    expect(grid([1 / 3])).toBeUndefined();
    expect(grid([1, Number.POSITIVE_INFINITY])).toBeUndefined();
    expect(grid([Number.NaN])).toBeUndefined();
    expect(grid([0, 2 ** 50])).toBeUndefined();
  });

  it('argsort by grid keys orders cents, -0 and NULLs like a comparison sort, ties in input order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
            fc.constant(-0),
            fc.constant(Number.NaN),
          ),
        ),
        fc.boolean(),
        fc.boolean(),
        (values, descending, nullsFirst) => {
          const expected = comparisonOrder(values, descending, nullsFirst);
          const nulls = nullsFirst ? 'first' : 'last';
          expect(Array.from(argsort(Float64Array.from(values), { descending, nulls }))).toEqual(expected);
        },
      ),
    );
  });
});
