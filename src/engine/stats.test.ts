import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSum, meanAndSd } from './stats.js';

describe('exactSum', () => {
  it('is the correctly rounded sum, where a running sum drifts', () => {
    expect(exactSum(new Float64Array(10).fill(0.1))).toBe(1);
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum([1, 1e-16, 1e-16])).toBe(1.0000000000000002);
  });

  it('leaves NaN out and sums nothing to 0', () => {
    expect(exactSum([Number.NaN, 2, Number.NaN, 3])).toBe(5);
    expect(exactSum([])).toBe(0);
    expect(exactSum([Number.NaN])).toBe(0);
  });

  it('gives the plain sum when a term is infinite', () => {
    expect(exactSum([1, Number.POSITIVE_INFINITY])).toBe(Number.POSITIVE_INFINITY);
  });

  it('does not depend on the order of its terms, to the last bit', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 60 })
          .chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        ([xs, shuffled]) => {
          expect(Object.is(exactSum(shuffled), exactSum(xs))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('meanAndSd', () => {
  it('fits the same mean and σ in any row order (values a running mean rounds differently by order)', () => {
    const values = [0, -999999.9999999983, 0, 6, -999999.9999999984, 0, -3, 5, -1];
    const reordered = [7, 5, 1, 8, 2, 0, 3, 4, 6].map((k) => values[k]!);
    expect(meanAndSd(Float64Array.from(reordered))).toEqual(meanAndSd(Float64Array.from(values)));
  });

  it('is the population mean and standard deviation, NULLs left out', () => {
    expect(meanAndSd(Float64Array.from([2, 4, 4, 4, Number.NaN, 5, 5, 7, 9]))).toEqual({ mean: 5, sd: 2 });
  });

  it('of an empty or all-NULL column is 0 and 0', () => {
    expect(meanAndSd(new Float64Array(0))).toEqual({ mean: 0, sd: 0 });
    expect(meanAndSd(Float64Array.from([Number.NaN]))).toEqual({ mean: 0, sd: 0 });
  });

  it('of equal values has σ 0', () => {
    expect(meanAndSd(Float64Array.from([3.3, 3.3, 3.3]))).toEqual({ mean: 3.3, sd: 0 });
  });
});
