import { describe, expect, it } from 'vitest';
import { headcountPlan, type HeadcountGroup } from './headcount.js';

const group = (
  gradeCode: string,
  level: HeadcountGroup['level'],
  max: number,
  customers: number,
): HeadcountGroup => ({
  policyId: 1,
  gradeCode,
  level,
  max,
  customers,
});

describe('headcount plan', () => {
  it('needs one senior per key account, one middle per two important, one junior per five general', () => {
    const lines = headcountPlan(
      [group('A', 'senior', 1, 12), group('B', 'middle', 2, 30), group('C', 'junior', 5, 45)],
      { senior: 10, middle: 15, junior: 2 },
    );
    expect(lines.map((l) => [l.level, l.formula, l.needed, l.existing, l.gap])).toEqual([
      ['senior', '12/1 = 12.00', 12, 10, -2],
      ['middle', '30/2 = 15.00', 15, 15, 0],
      ['junior', '45/5 = 9.00', 9, 2, -7],
    ]);
  });

  it('rounds each level up to whole managers, after summing its grades exactly', () => {
    const lines = headcountPlan(
      [group('C', 'junior', 3, 2), group('D', 'junior', 3, 1), group('E', 'junior', 7, 1)],
      { junior: 1 },
    );
    const line = lines.find((l) => l.level === 'junior')!;
    expect(line.formula).toBe('2/3 + 1/3 + 1/7 = 1.15');
    expect(line.needed).toBe(2);
    expect(line.gap).toBe(-1);
  });

  it('needs nobody for an empty population and counts ratio grades without a level under "any"', () => {
    const empty = headcountPlan([], { senior: 3 });
    expect(empty.map((l) => [l.level, l.needed, l.existing, l.formula])).toEqual([
      ['senior', 0, 3, '0'],
      ['middle', 0, 0, '0'],
      ['junior', 0, 0, '0'],
    ]);
    const any = headcountPlan([group('X', null, 4, 9)], {}).find((l) => l.level === 'any')!;
    expect([any.needed, any.fractional, any.existing]).toEqual([3, '2.25', 0]);
  });

  it('stays exact where floating point would not: ten thirds are 3.34 rounded up, four managers', () => {
    const [senior] = headcountPlan(
      Array.from({ length: 10 }, (_, i) => group(`G${i}`, 'senior', 3, 1)),
      {},
    );
    expect([senior!.fractional, senior!.needed]).toEqual(['3.34', 4]);
    const [whole] = headcountPlan(
      Array.from({ length: 9 }, (_, i) => group(`G${i}`, 'senior', 3, 1)),
      {},
    );
    expect([whole!.fractional, whole!.needed]).toEqual(['3.00', 3]);
  });
});
