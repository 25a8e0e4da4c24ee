import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundToStep } from './next-grade.js';

/** The rounding suggestions have always used: the step multiple, printed to six decimals and read back. */
const printed = (value: number, step: number) => Number((Math.round(value / step) * step).toFixed(6));

describe('rounding a suggested value to its metric step', () => {
  it('cents, basis points, tenths and whole days round to the nearest step', () => {
    expect(roundToStep(126000.004, 0.01)).toBe(126000);
    expect(roundToStep(0.12345, 0.0001)).toBe(0.1235);
    expect(roundToStep(2.25, 0.1)).toBe(2.3);
    expect(roundToStep(8.5, 1)).toBe(9);
  });

  it('a value that rounds to zero from below is 0, not -0', () => {
    expect(Object.is(roundToStep(-0.004, 0.01), 0)).toBe(true);
  });

  it('equals the printed-decimal rounding for every step of the catalogue (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e10, max: 1e10, noNaN: true }),
          fc.integer().map((k) => k / 100),
        ),
        fc.constantFrom(1, 0.1, 0.01, 0.0001),
        (value, step) => {
          expect(Object.is(roundToStep(value, step), printed(value, step))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
