import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsort, orderById } from './radix.js';
import { selectPositions } from './select.js';

const rowsAtPositions = (...args: Parameters<typeof selectPositions>) => selectPositions(...args).rows;

const pick = (values: Float64Array, positions: number[], ids: Float64Array, order: SelectOrderInput) => {
  const ranking = argsort(values, { ...order, initialOrder: orderById(ids) });
  return positions.map((p) => ranking[p]!);
};
type SelectOrderInput = { descending: boolean; nulls: 'first' | 'last' };

describe('rows at positions of a ranking', () => {
  it('finds the 2nd and 4th of 10, 40, 20, 30 descending: rows 2 and 0', () => {
    const values = Float64Array.from([10, 40, 20, 30]);
    const rows = rowsAtPositions(
      values,
      [1, 3],
      { descending: true, nulls: 'last' },
      [1, 2, 3, 4],
      orderById(Int32Array.from([1, 2, 3, 4])),
    );
    expect(Array.from(rows)).toEqual([3, 0]);
  });

  it('skewed money and scores beside a lone zero or a huge outlier keep neighbouring values in separate buckets', () => {
    // Scores 1.00…100.00 in steps of 0.37 with one customer at 0; money 1…10⁶ growing 1 % a row with one 10¹².
    const scores = Float64Array.from({ length: 271 }, (_, k) => (k === 0 ? 0 : 1 + 0.37 * (k - 1)));
    const money = Float64Array.from({ length: 1400 }, (_, k) => (k === 0 ? 1e12 : 1.01 ** k + 0.5));
    for (const values of [scores, money]) {
      const ids = Float64Array.from(values, (_, i) => i + 1);
      const { buckets } = selectPositions(
        values,
        [1],
        { descending: false, nulls: 'last' },
        ids,
        orderById(ids),
      );
      const distinct = new Set(Array.from(values, (_, i) => buckets![i]!));
      expect(distinct.size).toBe(values.length);
    }
  });

  it('equal values are ranked by customer id, then row', () => {
    const values = Float64Array.from([5, 5, 5, 1]);
    const ids = Float64Array.from([9, 3, 3, 1]);
    const rows = rowsAtPositions(
      values,
      [0, 1, 2, 3],
      { descending: false, nulls: 'first' },
      ids,
      orderById(ids),
    );
    expect(Array.from(rows)).toEqual([3, 1, 2, 0]);
  });

  it('agrees with the full sort for spread values, heavy ties, NULLs, -0 and repeated ids (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          // Spread doubles (buckets by the high word of the bit pattern) and whole days with NULLs (one
          // bucket per value).
          fc.array(
            fc.oneof(
              fc.double({ min: -1e6, max: 1e6 }),
              fc.double(),
              fc.constantFrom(Infinity, -Infinity),
              fc.integer({ min: -2, max: 2 }),
              fc.constant(-0),
              fc.constant(Number.NaN),
            ),
            { minLength: 1, maxLength: 300 },
          ),
          fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(-0), fc.constant(Number.NaN)), {
            minLength: 1,
            maxLength: 300,
          }),
        ),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 400 }),
        (list, descending, nullsFirst, idRange) => {
          const values = Float64Array.from(list);
          const ids = Float64Array.from(list, (_, i) => (i * 7919) % idRange);
          const order = { descending, nulls: nullsFirst ? 'first' : 'last' } as const;
          const positions = [0, values.length >> 2, values.length >> 1, values.length - 1];
          expect(Array.from(rowsAtPositions(values, positions, order, ids, orderById(ids)))).toEqual(
            pick(values, positions, ids, order),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
