import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonOrder as reference } from '../testing/comparison-order.js';
import { argsort, argsortWithValues, orderById } from './radix.js';

describe('radix argsort', () => {
  it('orders negatives, zero, -0, infinities and NaN like a comparison sort, ties in input order', () => {
    const values = [3, -1, 0, -0, Number.NaN, -Infinity, Infinity, 2.5, -1, Number.NaN, 1e-300, -1e300];
    for (const descending of [false, true])
      for (const nulls of ['first', 'last'] as const)
        expect(Array.from(argsort(Float64Array.from(values), { descending, nulls }))).toEqual(
          reference(values, descending, nulls === 'first'),
        );
  });

  it('equal keys keep the order of the initial permutation (the customer-id tie-breaker)', () => {
    const values = Float64Array.from([5, 5, 1, 5]);
    expect(Array.from(argsort(values, { initialOrder: Int32Array.from([3, 1, 0, 2]) }))).toEqual([
      2, 3, 1, 0,
    ]);
  });

  it('empty and single-element inputs', () => {
    expect(Array.from(argsort(new Float64Array(0)))).toEqual([]);
    expect(Array.from(argsort(Float64Array.from([7])))).toEqual([0]);
  });

  it('orderById sorts rows by ascending customer id', () => {
    expect(Array.from(orderById(Int32Array.from([30, 10, 20])))).toEqual([1, 2, 0]);
  });

  it('agrees with a comparison sort on money in cents wider than one 24-bit key word (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5e12, max: 5e12 }), fc.constant(Number.NaN)), { minLength: 2 }),
        fc.boolean(),
        fc.boolean(),
        (cents, d, f) => {
          const values = cents.map((c) => c / 100);
          const nulls = f ? 'first' : 'last';
          expect(Array.from(argsort(Float64Array.from(values), { descending: d, nulls }))).toEqual(
            reference(values, d, f),
          );
        },
      ),
    );
  });

  it('doubles sharing the high word of their bit pattern, in short and in long runs, sort by the low word', () => {
    // 1 + k·2⁻⁵² differ only in the low word; 3 and 1e-7 add other high words (not on a decimal grid).
    for (const count of [5, 200]) {
      const values = Array.from({ length: count }, (_, k) => 1 + ((k * 37) % count) * 2 ** -52);
      values.push(3, 1e-7, 1 + 2 ** -52, 3);
      for (const descending of [false, true])
        expect(Array.from(argsort(Float64Array.from(values), { descending }))).toEqual(
          reference(values, descending, false),
        );
    }
  });

  it('long runs of one repeated value or of NULLs among continuous doubles sort like a comparison sort, ties in input order', () => {
    // Days late averaged per invoice: mostly 0, some NULL, the rest fractions off any decimal grid; two values
    // share a high word with their low words out of order.
    const values = Array.from({ length: 600 }, (_, k) => [0, Number.NaN, 1 / (k + 3)][k % 3]!);
    values.push(0.5 + 2 ** -40, 0.5, 0);
    for (const descending of [false, true])
      for (const nulls of ['first', 'last'] as const)
        expect(Array.from(argsortWithValues(Float64Array.from(values), { descending, nulls }).order)).toEqual(
          reference(values, descending, nulls === 'first'),
        );
  });

  it('agrees with a comparison sort on arbitrary doubles (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.integer({ min: -3, max: 3 }))),
        fc.boolean(),
        fc.boolean(),
        (values, d, f) => {
          const nulls = f ? 'first' : 'last';
          expect(Array.from(argsort(Float64Array.from(values), { descending: d, nulls }))).toEqual(
            reference(values, d, f),
          );
        },
      ),
    );
  });

  it('equal keys keep any initial permutation, for narrow grid, wide grid and bit-pattern keys (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.oneof(
              fc.integer({ min: -3, max: 3 }),
              fc.integer({ min: -5e12, max: 5e12 }).map((c) => c / 100),
              fc.double({ noNaN: true }),
              fc.constant(Number.NaN),
            ),
            { minLength: 2 },
          )
          .chain((values) =>
            fc.tuple(
              fc.constant(values),
              fc.shuffledSubarray(
                values.map((_, i) => i),
                { minLength: values.length },
              ),
            ),
          ),
        fc.boolean(),
        fc.boolean(),
        ([values, start], d, f) => {
          // Sorting the values listed in `start`'s order gives, through `start`, the rows in the expected order.
          const expected = reference(
            start.map((row) => values[row]!),
            d,
            f,
          ).map((k) => start[k]!);
          const initialOrder = Int32Array.from(start);
          const nulls = f ? 'first' : 'last';
          expect(
            Array.from(argsort(Float64Array.from(values), { descending: d, nulls, initialOrder })),
          ).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the values decoded from the sorted keys are the values in sorted order, bit for bit (property)', () => {
    const bits = (x: number) => (Object.is(x, -0) ? '-0' : String(x));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double(),
            fc.integer({ min: -3, max: 3 }),
            fc.integer({ min: -5e12, max: 5e12 }).map((c) => c / 100),
            fc.constantFrom(-0, 0, Number.NaN, Infinity, -Infinity),
          ),
        ),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (list, d, f, cents) => {
          // Money alone stays on the decimal grid (grid keys); with arbitrary doubles it is keyed by bits.
          const values = Float64Array.from(cents ? list.map((v) => Math.round(v * 100) / 100) : list);
          const { order, sorted } = argsortWithValues(values, { descending: d, nulls: f ? 'first' : 'last' });
          expect(Array.from(order)).toEqual(
            Array.from(argsort(values, { descending: d, nulls: f ? 'first' : 'last' })),
          );
          expect(Array.from(sorted, bits)).toEqual(Array.from(order, (row) => bits(values[row]!)));
        },
      ),
      { numRuns: 300 },
    );
    // Runs of equal high words longer than the refinement takes go through the full sort, keys carried.
    const crowded = Float64Array.from({ length: 300 }, (_, k) => 1 + ((k * 37) % 300) * 2 ** -52);
    for (const descending of [false, true]) {
      const { order, sorted } = argsortWithValues(crowded, { descending });
      expect(Array.from(sorted)).toEqual(Array.from(order, (row) => crowded[row]!));
    }
  });
});
