import { describe, expect, it } from 'vitest';
import { applyNormaliser, fitNormaliser } from './index.js';

const fit = (spec: Parameters<typeof fitNormaliser>[0], values: number[], descending = false) =>
  fitNormaliser(spec, Float64Array.from(values), descending);
const NULL = Number.NaN;

describe('percentile normaliser (SQL percent_rank)', () => {
  it('ties share the rank of the first of them: 10, 20, 20, 30 → 0, 1/3, 1/3, 1', () => {
    expect(Array.from(fit({ kind: 'percentile', nulls: 'first' }, [10, 20, 20, 30]).unit)).toEqual([
      0,
      1 / 3,
      1 / 3,
      1,
    ]);
  });
  it('lower is better ranks descending: days late 0, 5, 5, 30 → 1, 1/3, 1/3, 0', () => {
    expect(Array.from(fit({ kind: 'percentile', nulls: 'first' }, [0, 5, 5, 30], true).unit)).toEqual([
      1,
      1 / 3,
      1 / 3,
      0,
    ]);
  });
  it('NULLs first score 0 and push the others up; NULLs last score as the tail', () => {
    expect(Array.from(fit({ kind: 'percentile', nulls: 'first' }, [NULL, 1, 2]).unit)).toEqual([0, 0.5, 1]);
    expect(Array.from(fit({ kind: 'percentile', nulls: 'last' }, [NULL, 1, 2]).unit)).toEqual([1, 0, 0.5]);
  });
  it("NULLs under 'policy' stay NULL and are not counted", () => {
    const { unit } = fit({ kind: 'percentile', nulls: 'policy' }, [NULL, 1, 2]);
    expect(Number.isNaN(unit[0]!)).toBe(true);
    expect(Array.from(unit.slice(1))).toEqual([0, 1]);
  });
  it('one customer and all values equal score 0, as percent_rank', () => {
    expect(Array.from(fit({ kind: 'percentile', nulls: 'first' }, [42]).unit)).toEqual([0]);
    expect(Array.from(fit({ kind: 'percentile', nulls: 'first' }, [7, 7, 7]).unit)).toEqual([0, 0, 0]);
  });
  it('a new value is scored against the stored breakpoints, capped at 1', () => {
    const { params } = fit({ kind: 'percentile', nulls: 'first' }, [10, 20, 20, 30, 40]);
    expect(applyNormaliser(params, 25)).toBe(3 / 4);
    expect(applyNormaliser(params, 5)).toBe(0);
    expect(applyNormaliser(params, 1000)).toBe(1);
  });
});

describe('scale normalisers', () => {
  it('min-max maps 0, 50, 100 to 0, 0.5, 1 and reverses for lower-is-better', () => {
    expect(Array.from(fit({ kind: 'minmax' }, [0, 50, 100]).unit)).toEqual([0, 0.5, 1]);
    expect(Array.from(fit({ kind: 'minmax' }, [0, 50, 100], true).unit)).toEqual([1, 0.5, 0]);
  });
  it('all values equal score the neutral 0.5; NULL stays NULL', () => {
    const { unit } = fit({ kind: 'minmax' }, [3, 3, NULL]);
    expect(unit[0]).toBe(0.5);
    expect(Number.isNaN(unit[2]!)).toBe(true);
  });
  it('log min-max compresses money and keeps negative profit ordered', () => {
    const { unit } = fit({ kind: 'log-minmax' }, [-99, 0, 99, 9999]);
    expect(unit[0]).toBe(0);
    expect(unit[3]).toBe(1);
    expect(unit[1]! / 1).toBeCloseTo(Math.log(100) / (Math.log(100) + Math.log(10000)), 12);
    expect(unit[2]!).toBeCloseTo((2 * Math.log(100)) / (Math.log(100) + Math.log(10000)), 12);
  });
  it('z-score is clipped at ±3σ: mean 0.5, +3σ and beyond 1', () => {
    const values = [...Array(99).fill(0), 100];
    const { params, unit } = fit({ kind: 'zscore', clip: 3 }, values);
    expect(unit[99]).toBe(1);
    expect(applyNormaliser(params, 1)).toBeCloseTo(0.5, 12);
    expect(applyNormaliser(params, -1e9)).toBe(0);
  });
});

describe('lookup normalisers', () => {
  const daysLate = { kind: 'bins' as const, edges: [0, 15, 30, 60], scores: [100, 80, 60, 30, 0] };
  it('days late 0 → 100, 1–15 → 80, 16–30 → 60, 31–60 → 30, > 60 → 0', () => {
    expect(Array.from(fit(daysLate, [0, 1, 15, 16, 30, 31, 60, 61]).unit, (u) => u * 100)).toEqual([
      100, 80, 80, 60, 60, 30, 30, 0,
    ]);
  });
  it('category map: 国企 90, 外企 85, 民企 70, unknown → otherwise, NULL stays NULL', () => {
    const { unit } = fitNormaliser(
      { kind: 'category', map: { 国企: 90, 外企: 85, 民企: 70 }, otherwise: 50 },
      ['国企', '外企', '民企', '个体', null],
      false,
    );
    expect(Array.from(unit.slice(0, 4))).toEqual([0.9, 0.85, 0.7, 0.5]);
    expect(Number.isNaN(unit[4]!)).toBe(true);
  });
});
