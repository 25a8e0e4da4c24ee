import { describe, expect, it } from 'vitest';

import { CALIBRATION_END, loadCdnowSample } from './cdnow.fixture.js';
import { itReachesOneOptimum } from './fit.fixture.js';
import {
  fitGammaGamma,
  frequencySpendCorrelation,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  gammaGammaParams,
  prepareSpend,
} from './gammagamma.js';
import { lgamma } from './special.js';
import { calibrationSummary } from './summary.js';

const summary = calibrationSummary(loadCdnowSample(), { calibrationEndDay: CALIBRATION_END, unit: 'weeks' });
const sample = prepareSpend(summary);
const fit = fitGammaGamma(sample, {
  starts: [
    [1, 1, 1],
    [100, 100, 1000],
    [0.1, 0.1, 0.1],
    [50, 1, 1],
  ],
});
const ll = (theta: Float64Array): number => gammaGammaLogLikelihood(gammaGammaParams(theta), sample);

describe('Gamma-Gamma on the CDNOW sample', () => {
  it('uses the 946 repeat buyers only', () => {
    expect(fit.customersUsed).toBe(946);
    expect(summary.x.filter((x) => x > 0).length).toBe(946);
  });

  itReachesOneOptimum({
    fit,
    logLikelihood: ll,
    gradient: (theta) => {
      const analytic = new Float64Array(3);
      gammaGammaLogLikelihood(gammaGammaParams(theta), sample, analytic);
      return analytic;
    },
    elsewhere: [Float64Array.of(1, 2, 30), Float64Array.of(20, 0.5, 3)],
    gradientKind: 'analytic',
  });

  // Published as 6.25, 3.74, 15.44: relative 2e-3 covers half a unit in the last digit of 3.74.
  it('matches the published estimates p≈6.25, q≈3.74, γ≈15.44', () => {
    expect(Math.abs(fit.params.p / 6.25 - 1)).toBeLessThan(2e-3);
    expect(Math.abs(fit.params.q / 3.74 - 1)).toBeLessThan(2e-3);
    expect(Math.abs(fit.params.gamma / 15.44 - 1)).toBeLessThan(2e-3);
  });

  it('reports the frequency/spend correlation (Fader & Hardie: 0.11) as plausible independence', () => {
    expect(fit.independence.correlation).toBeCloseTo(0.11, 2);
    expect(fit.independence.customers).toBe(946);
    expect(fit.independence.plausible).toBe(true);
  });
});

describe('Gamma-Gamma formulas', () => {
  it('the log-likelihood of one customer is the closed form written out by hand', () => {
    const p = { p: 2, q: 3, gamma: 10 };
    const [x, z] = [4, 25];
    const byHand =
      lgamma(11) -
      lgamma(8) -
      lgamma(3) +
      3 * Math.log(10) +
      7 * Math.log(z) +
      8 * Math.log(4) -
      11 * Math.log(110);
    expect(gammaGammaLogLikelihood(p, prepareSpend({ x: [x], zbar: [z] }))).toBeCloseTo(byHand, 10);
  });

  it('expected spend shrinks z̄ toward the population mean pγ/(q−1) with weight (q−1)/(px+q−1)', () => {
    const p = { p: 2, q: 3, gamma: 10 };
    const [spend] = gammaGammaExpectedSpend(p, { x: [4], zbar: [25] });
    const populationMean = (2 * 10) / 2;
    expect(spend).toBeCloseTo((2 / 10) * populationMean + (8 / 10) * 25, 12);
  });

  it('a customer without repeats gets the population mean', () => {
    const [spend] = gammaGammaExpectedSpend({ p: 2, q: 3, gamma: 10 }, { x: [0], zbar: [0] });
    expect(spend).toBe(10);
  });

  it('the mean is undefined (NaN) where px + q ≤ 1', () => {
    const [spend] = gammaGammaExpectedSpend({ p: 2, q: 0.5, gamma: 10 }, { x: [0], zbar: [0] });
    expect(spend).toBeNaN();
  });

  it('correlation of exactly linear x and z̄ is 1', () => {
    const check = frequencySpendCorrelation(prepareSpend({ x: [1, 2, 3, 4], zbar: [10, 20, 30, 40] }));
    expect(check.correlation).toBeCloseTo(1, 14);
    expect(check.plausible).toBe(false);
  });
});

describe('Gamma-Gamma edge cases', () => {
  it('zero spend: repeaters with z̄ = 0 are left out of the fit, and their forecast is the shrunk mean', () => {
    const prepared = prepareSpend({ x: [2, 3, 0, 5], zbar: [0, 12, 0, 30] });
    expect(Array.from(prepared.x)).toEqual([3, 5]);
    const [spend] = gammaGammaExpectedSpend({ p: 2, q: 3, gamma: 10 }, { x: [2], zbar: [0] });
    expect(spend).toBeCloseTo((2 * 10) / (4 + 2), 12);
  });

  it('all spend zero or no repeaters: nothing to fit', () => {
    expect(() => fitGammaGamma({ x: [0, 2], zbar: [0, 0] })).toThrow(/No customers/);
  });

  it('rejects negative or non-finite spend', () => {
    expect(() => prepareSpend({ x: [1], zbar: [-3] })).toThrow(/Mean spend/);
    expect(() => gammaGammaExpectedSpend({ p: 1, q: 2, gamma: 1 }, { x: [1], zbar: [Infinity] })).toThrow(
      /Mean spend/,
    );
  });

  it('a single repeat buyer can be fitted without error', () => {
    const result = fitGammaGamma({ x: [3], zbar: [20] });
    expect(Number.isFinite(result.logLikelihood)).toBe(true);
    expect(result.independence.correlation).toBeNaN();
  });

  it('enormous x keeps the likelihood finite and the forecast at the customer’s own z̄', () => {
    const p = { p: 6.25, q: 3.74, gamma: 15.44 };
    expect(Number.isFinite(gammaGammaLogLikelihood(p, prepareSpend({ x: [1e9], zbar: [42] })))).toBe(true);
    const [spend] = gammaGammaExpectedSpend(p, { x: [1e9], zbar: [42] });
    expect(spend).toBeCloseTo(42, 6);
  });
});
