import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { bgnbdLogLikelihood } from './bgnbd.js';
import { groupRecencyFrequency, levelsOf } from './grouping.js';
import { paretoNbdLogLikelihood } from './paretonbd.js';

const customer = fc.tuple(
  fc.integer({ min: 0, max: 4 }),
  fc.integer({ min: 0, max: 6 }),
  fc.integer({ min: 0, max: 3 }),
);

describe('grouping identical (x, t_x, T)', () => {
  it('keeps one row per distinct triple with its multiplicity', () => {
    const g = groupRecencyFrequency({ x: [1, 0, 1, 1], tx: [2, 0, 2, 3], T: [5, 5, 5, 5] });
    expect(Array.from(g.x)).toEqual([0, 1, 1]);
    expect(Array.from(g.tx)).toEqual([0, 2, 3]);
    expect(Array.from(g.count)).toEqual([1, 2, 1]);
    expect(Array.from(g.xLevelCount)).toEqual([1, 3]);
    expect(g.customers).toBe(4);
  });

  it('leaves every likelihood equal to the sum over individual customers', () => {
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 40 }), (rows) => {
        const columns = {
          x: rows.map(([x]) => x),
          tx: rows.map(([x, t]) => (x === 0 ? 0 : t)),
          T: rows.map(([, t, extra]) => t + extra),
        };
        const grouped = groupRecencyFrequency(columns);
        const one = (i: number) =>
          groupRecencyFrequency({ x: [columns.x[i]!], tx: [columns.tx[i]!], T: [columns.T[i]!] });
        const bg = { r: 0.4, alpha: 3, a: 0.7, b: 2 };
        const pn = { r: 0.6, alpha: 9, s: 0.7, beta: 12 };
        let bgSum = 0;
        let pnSum = 0;
        for (let i = 0; i < rows.length; i++) {
          bgSum += bgnbdLogLikelihood(bg, one(i));
          pnSum += paretoNbdLogLikelihood(pn, one(i));
        }
        expect(bgnbdLogLikelihood(bg, grouped)).toBeCloseTo(bgSum, 9);
        expect(paretoNbdLogLikelihood(pn, grouped)).toBeCloseTo(pnSum, 9);
      }),
      { numRuns: 50 },
    );
  });

  it('levels are the sorted distinct values with each element’s index', () => {
    const levels = levelsOf([3, 1, 3, 2]);
    expect(Array.from(levels.values)).toEqual([1, 2, 3]);
    expect(Array.from(levels.of)).toEqual([2, 0, 2, 1]);
  });

  it('rejects fractional x and mismatched columns', () => {
    expect(() => groupRecencyFrequency({ x: [1.5], tx: [1], T: [2] })).toThrow(/non-negative integer/);
    expect(() => groupRecencyFrequency({ x: [1], tx: [1], T: [2, 3] })).toThrow(/differ in length/);
  });
});
