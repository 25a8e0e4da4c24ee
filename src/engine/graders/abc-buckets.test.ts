import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderById } from '../sort/radix.js';
import { centsOf as cents, gradeAbcByBuckets } from './abc-buckets.js';
import { lastMembers } from './positions.js';

/** 80/15/5 on a total of `total` cents: first class whose cumulative limit the amount before is below. */
const classOf8015 = (total: number) => (before: number) =>
  before < 0.8 * total ? 0 : before < 0.95 * total ? 1 : 2;

/** The reference walk: rank (value desc, id asc, row asc), sum the cents before each positive customer. */
function walkInRankOrder(values: number[], ids: number[], classOf: (before: number) => number) {
  const rows = values.map((_, row) => row);
  rows.sort((a, b) => values[b]! - values[a]! || ids[a]! - ids[b]! || a - b);
  const grades = new Array<number>(values.length).fill(2);
  let before = 0;
  for (const row of rows) {
    if (!(values[row]! > 0)) continue;
    grades[row] = classOf(before);
    before += cents(values[row]!);
  }
  return grades;
}

function bucketGrades(values: number[], ids: number[]) {
  const total = values.reduce((s, v) => (v > 0 ? s + cents(v) : s), 0);
  const idColumn = Int32Array.from(ids);
  return gradeAbcByBuckets(Float64Array.from(values), classOf8015(total), 3, orderById(idColumn));
}

describe('ABC by buckets', () => {
  it('grades a hand-computed 80/15/5 population: 60+20 before the third customer is 80 %, so it is B', () => {
    // Ranked 60, 20, 10, 5, 5 of 100: amounts before are 0, 60, 80, 90, 95 → A, A, B, B, C.
    const result = bucketGrades([5, 60, 10, 20, 5, 0, -3], [5, 1, 3, 2, 4, 6, 7])!;
    expect(Array.from(result.grades)).toEqual([2, 0, 1, 0, 1, 2, 2]);
    expect(result.classTotals).toEqual([8000, 1500, 500]);
  });

  it('a tie straddling a class limit is split by customer id', () => {
    // Five customers of 20: amounts before are 0, 20, 40, 60, 80 in id order; the highest id reaches 80 % → B.
    const result = bucketGrades([20, 20, 20, 20, 20], [5, 3, 2, 1, 4])!;
    expect(Array.from(result.grades)).toEqual([1, 0, 0, 0, 0]);
  });

  it('equals the rank-order walk on any cents population, ties and non-positive values included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -500, max: 5000 }), fc.integer({ min: 1, max: 40 })), {
          minLength: 1,
          maxLength: 60,
        }),
        (rows) => {
          const values = rows.map(([c]) => c / 100);
          const ids = rows.map(([, id]) => id);
          const total = values.reduce((s, v) => (v > 0 ? s + cents(v) : s), 0);
          const result = bucketGrades(values, ids)!;
          expect(Array.from(result.grades)).toEqual(walkInRankOrder(values, ids, classOf8015(total)));
        },
      ),
    );
  });

  it('gives up when customers crowd into buckets straddling a limit', () => {
    const values = new Array<number>(70_000).fill(12.34);
    expect(
      bucketGrades(
        values,
        values.map((_, i) => i + 1),
      ),
    ).toBeUndefined();
  });
});

describe('last members of groups', () => {
  it('is the member ranked last: smallest value (desc order), then NULLs last, then the highest id', () => {
    const values = Float64Array.from([5, 3, 3, Number.NaN, Number.NaN, 7]);
    const ids = [1, 9, 2, 4, 3, 8];
    const groups = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const order = { descending: true, nulls: 'last' } as const;
    expect(lastMembers(groups, 3, values, ids, order)).toEqual([
      { value: 3, id: 9 },
      { value: Number.NaN, id: 4 },
      null,
    ]);
    expect(lastMembers(groups, 2, values, ids, { descending: false, nulls: 'first' })).toEqual([
      { value: 5, id: 1 },
      { value: 7, id: 8 },
    ]);
  });
});
