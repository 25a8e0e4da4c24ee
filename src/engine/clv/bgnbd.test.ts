import { describe, expect, it } from 'vitest';

import {
  bgnbdConditionalExpected,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdParams,
  bgnbdPAlive,
  fitBgNbd,
} from './bgnbd.js';
import type { BgNbdParams } from './bgnbd.js';
import { CALIBRATION_END, loadCdnowSample } from './cdnow.fixture.js';
import { itReachesOneOptimum } from './fit.fixture.js';
import { groupRecencyFrequency } from './grouping.js';
import { calibrationSummary } from './summary.js';

const summary = calibrationSummary(loadCdnowSample(), { calibrationEndDay: CALIBRATION_END, unit: 'weeks' });
const grouped = groupRecencyFrequency(summary);
const published: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const distantStarts = [
  [1, 1, 1, 1],
  [0.01, 0.1, 10, 100],
  [10, 100, 0.05, 0.05],
  [0.05, 50, 5, 0.5],
];
const fit = fitBgNbd(grouped, { starts: distantStarts });
const ll = (theta: Float64Array): number => bgnbdLogLikelihood(bgnbdParams(theta), grouped);

describe('BG/NBD on the CDNOW sample', () => {
  itReachesOneOptimum({
    fit,
    logLikelihood: ll,
    gradient: (theta) => {
      const analytic = new Float64Array(4);
      bgnbdLogLikelihood(bgnbdParams(theta), grouped, analytic);
      return analytic;
    },
    elsewhere: [Float64Array.of(1, 2, 3, 4), Float64Array.of(0.05, 20, 0.3, 8)],
    gradientKind: 'analytic',
  });

  // The published estimates are given to 3-4 significant digits, so agreement is to half a unit of
  // their last digit (relative 2e-3) and LL to its published 1 decimal.
  it('matches the published estimates (Fader, Hardie & Lee 2005)', () => {
    const { r, alpha, a, b } = fit.params;
    expect(Math.abs(r / published.r - 1)).toBeLessThan(2e-3);
    expect(Math.abs(alpha / published.alpha - 1)).toBeLessThan(2e-3);
    expect(Math.abs(a / published.a - 1)).toBeLessThan(2e-3);
    expect(Math.abs(b / published.b - 1)).toBeLessThan(2e-3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fit.hessianPositiveDefinite).toBe(true);
    fit.standardErrors.forEach((se, i) => {
      expect(se).toBeGreaterThan(0);
      expect(se).toBeLessThan(fit.parameters[i]!);
    });
  });

  it('reproduces the published conditional expectation of 1.226 for x=2, t_x=30.43, T=38.86 over 39 weeks', () => {
    const [expected] = bgnbdConditionalExpected(published, { x: [2], tx: [30.43], T: [38.86] }, 39);
    expect(expected).toBeCloseTo(1.226, 3);
  });

  it('P(alive) is exactly 1 without repeat purchases and in (0, 1] otherwise', () => {
    const pAlive = bgnbdPAlive(fit.params, summary);
    summary.x.forEach((x, i) => {
      if (x === 0) expect(pAlive[i]).toBe(1);
      else {
        expect(pAlive[i]).toBeGreaterThan(0);
        expect(pAlive[i]).toBeLessThanOrEqual(1);
      }
    });
  });
});

describe('BG/NBD formulas', () => {
  it('P(alive) at T = t_x is 1 / (1 + a/(b+x−1)), whatever r and α', () => {
    const params = { r: 0.7, alpha: 3, a: 0.8, b: 2.5 };
    const [p] = bgnbdPAlive(params, { x: [1], tx: [20], T: [20] });
    expect(p).toBeCloseTo(1 / (1 + 0.8 / 2.5), 14);
  });

  it('the conditional expectation equals the direct ₂F₁ series of the paper for a ≠ 1', () => {
    const params = { r: 0.5, alpha: 6, a: 0.6, b: 2 };
    const [x, tx, T, t] = [3, 15, 30, 26];
    const z = t / (params.alpha + T + t);
    let term = 1;
    let series = 1;
    const [ha, hb, hc] = [params.r + x, params.b + x, params.a + params.b + x - 1];
    for (let j = 0; j < 5000; j++) {
      term *= (((ha + j) * (hb + j)) / ((hc + j) * (j + 1))) * z;
      series += term;
    }
    const ratio = (params.alpha + T) / (params.alpha + t + T);
    const numerator =
      ((params.a + params.b + x - 1) / (params.a - 1)) * (1 - Math.pow(ratio, params.r + x) * series);
    const denominator =
      1 + (params.a / (params.b + x - 1)) * Math.pow((params.alpha + T) / (params.alpha + tx), params.r + x);
    const [expected] = bgnbdConditionalExpected(params, { x: [x], tx: [tx], T: [T] }, t);
    expect(expected).toBeCloseTo(numerator / denominator, 10);
  });

  it('the conditional expectation is continuous through a = 1, where the paper formula is 0/0', () => {
    const at = (a: number): number =>
      bgnbdConditionalExpected({ r: 0.5, alpha: 6, a, b: 2 }, { x: [3], tx: [15], T: [30] }, 26)[0]!;
    expect(Number.isFinite(at(1))).toBe(true);
    expect(at(1)).toBeCloseTo((at(1 - 1e-7) + at(1 + 1e-7)) / 2, 7);
  });

  it('a new customer (x = t_x = T = 0) has the unconditional expectation E[X(t)]', () => {
    const [conditional] = bgnbdConditionalExpected(published, { x: [0], tx: [0], T: [0] }, 52);
    expect(conditional).toBe(bgnbdExpectedPurchases(published, 52));
    expect(bgnbdExpectedPurchases(published, 0)).toBe(0);
  });

  it('E[X(t)] grows with t, more slowly than without dropout (rt/α)', () => {
    const values = [1, 10, 50, 100].map((t) => bgnbdExpectedPurchases(published, t));
    values.forEach((v, i) => {
      expect(v).toBeLessThan((published.r * [1, 10, 50, 100][i]!) / published.alpha);
      if (i > 0) expect(v).toBeGreaterThan(values[i - 1]!);
    });
  });
});

describe('BG/NBD edge cases', () => {
  it('enormous x: finite log-likelihood, P(alive) in [0, 1], expectation below the no-dropout rate', () => {
    const columns = { x: [1e6, 5e7], tx: [30, 39], T: [39, 39] };
    const data = groupRecencyFrequency(columns);
    const value = bgnbdLogLikelihood(published, data);
    expect(Number.isFinite(value)).toBe(true);
    const pAlive = bgnbdPAlive(published, columns);
    const expected = bgnbdConditionalExpected(published, columns, 10);
    pAlive.forEach((p, i) => {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(Number.isFinite(expected[i]!)).toBe(true);
      expect(expected[i]).toBeLessThan(((published.r + columns.x[i]!) / (published.alpha + 39)) * 10);
    });
    // A 9-week silence after a million purchases in 30 weeks means the customer has left; buying up
    // to the very end means alive but for the a/(b+x−1) chance of dropping out after the last purchase.
    expect(pAlive[0]).toBeLessThan(1e-6);
    expect(pAlive[1]).toBeCloseTo(1 / (1 + published.a / (published.b + 5e7 - 1)), 12);
  });

  it('all one-time buyers: the fit runs, and forecasts no purchases', () => {
    const columns = { x: [0, 0, 0], tx: [0, 0, 0], T: [10, 20, 30] };
    const result = fitBgNbd(columns);
    expect(Number.isFinite(result.logLikelihood)).toBe(true);
    // With no repeats the likelihood rises as r -> 0, so the fit ends at r's lower bound.
    expect(result.params.r).toBeLessThan(1e-4);
    expect(bgnbdConditionalExpected(result.params, columns, 52).every((e) => e < 1e-3)).toBe(true);
    expect(Array.from(bgnbdPAlive(result.params, columns))).toEqual([1, 1, 1]);
  });

  it('a single customer can be fitted without error', () => {
    const result = fitBgNbd({ x: [3], tx: [20], T: [30] });
    expect(Number.isFinite(result.logLikelihood)).toBe(true);
    expect(result.logLikelihood).toBeGreaterThanOrEqual(
      bgnbdLogLikelihood(published, groupRecencyFrequency({ x: [3], tx: [20], T: [30] })),
    );
  });

  it('rejects t_x beyond T and a recency without repeats', () => {
    expect(() => fitBgNbd({ x: [1], tx: [5], T: [4] })).toThrow(/t_x/);
    expect(() => fitBgNbd({ x: [0], tx: [5], T: [9] })).toThrow(/t_x must be 0/);
    expect(() => fitBgNbd({ x: [], tx: [], T: [] })).toThrow(/No customers/);
  });
});
