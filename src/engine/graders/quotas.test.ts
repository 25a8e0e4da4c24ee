import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderById } from '../sort/radix.js';
import { gradeQuotas } from './quotas.js';
import { gradeRfm, tileSizes } from './rfm.js';

/** The quota rule by its definition: rank by (score desc, NULL last, id, row); rank r of n gets the first
 * grade g with r·Σq ≤ n·(q₀+…+q_g); under 'shared', a tie group takes the grade of its first member. */
function byRank(scores: number[], ids: number[], quotas: number[], shared: boolean): number[] {
  const n = scores.length;
  const total = quotas.reduce((a, b) => a + b, 0);
  const limits = quotas.map((_, g) => quotas.slice(0, g + 1).reduce((a, b) => a + b, 0));
  const rank = scores
    .map((s, row) => ({ s, row }))
    .sort((a, b) => {
      const an = Number.isNaN(a.s);
      const bn = Number.isNaN(b.s);
      if (an !== bn) return an ? 1 : -1;
      return (an ? 0 : b.s - a.s) || ids[a.row]! - ids[b.row]! || a.row - b.row;
    });
  const grades = new Array<number>(n);
  let groupGrade = 0;
  rank.forEach(({ s, row }, p) => {
    let g = 0;
    while (g < limits.length - 1 && (p + 1) * total > n * limits[g]!) g++;
    const previous = p > 0 ? rank[p - 1]!.s : undefined;
    const tied = previous !== undefined && (previous === s || (Number.isNaN(previous) && Number.isNaN(s)));
    if (!shared || !tied) groupGrade = g;
    grades[row] = groupGrade;
  });
  return grades;
}

const scoresArb = fc.array(
  fc.oneof(
    fc.double({ min: 0, max: 100, noNaN: true }),
    fc.integer({ min: 0, max: 4 }),
    fc.constant(Number.NaN),
  ),
  { maxLength: 200 },
);

describe('quotas by selecting each grade’s last member', () => {
  it('equal the rank-by-rank rule for strict and shared ties, NULLs and repeated ids (property)', () => {
    fc.assert(
      fc.property(
        scoresArb,
        fc.array(fc.double({ min: 0.5, max: 50, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 300 }),
        (scores, quotas, shared, idRange) => {
          const ids = scores.map((_, i) => (i * 7919) % idRange);
          const idColumn = Float64Array.from(ids);
          const { grades } = gradeQuotas(
            quotas,
            shared ? 'shared' : 'strict',
            Float64Array.from(scores),
            idColumn,
            orderById(idColumn),
          );
          expect(Array.from(grades)).toEqual(byRank(scores, ids, quotas, shared));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('RFM tiles by selecting each tile’s last member', () => {
  it('tile sizes follow ntile: the first n mod k tiles hold one more row', () => {
    expect(tileSizes(12, 5)).toEqual([3, 3, 2, 2, 2]);
    expect(tileSizes(3, 5)).toEqual([1, 1, 1, 0, 0]);
  });

  it('monetary tiles of 10 rows: 2 per tile by ascending value, ties by customer id', () => {
    const monetary = Float64Array.from([50, 10, 10, 90, 70, 30, 20, 60, 80, 40]);
    const ids = Int32Array.from([1, 3, 2, 4, 5, 6, 7, 8, 9, 10]);
    const flat = new Float64Array(10);
    const { rfm } = gradeRfm(5, [], 0, { recency: flat, frequency: flat, monetary }, ids, orderById(ids));
    expect(Array.from(rfm.m)).toEqual([3, 1, 1, 5, 4, 2, 2, 4, 5, 3]);
  });
});
