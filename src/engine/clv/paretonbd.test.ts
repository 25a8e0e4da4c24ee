import { describe, expect, it } from 'vitest';

import { CALIBRATION_END, loadCdnowSample } from './cdnow.fixture.js';
import { itReachesOneOptimum } from './fit.fixture.js';
import { groupRecencyFrequency } from './grouping.js';
import {
  fitParetoNbd,
  paretoNbdConditionalExpected,
  paretoNbdExpectedPurchases,
  paretoNbdGradient,
  paretoNbdLogLikelihood,
  paretoNbdParams,
  paretoNbdPAlive,
} from './paretonbd.js';
import type { ParetoNbdParams } from './paretonbd.js';
import { lgamma } from './special.js';
import { calibrationSummary } from './summary.js';

const summary = calibrationSummary(loadCdnowSample(), { calibrationEndDay: CALIBRATION_END, unit: 'weeks' });
const grouped = groupRecencyFrequency(summary);
const published: ParetoNbdParams = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 };
const fit = fitParetoNbd(grouped, {
  starts: [
    [1, 1, 1, 1],
    [0.01, 0.1, 10, 100],
    [10, 100, 0.05, 0.05],
    [3, 1, 0.1, 50],
  ],
});
const ll = (theta: Float64Array): number => paretoNbdLogLikelihood(paretoNbdParams(theta), grouped);

/**
 * The individual likelihood straight from its definition, by adaptive Simpson quadrature:
 * Γ(r+x)α^r β^s/Γ(r) · [(α+T)^−(r+x)(β+T)^−s + s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ].
 * Shares no code with the ₂F₁ route, so agreement checks the case split and the series.
 */
function likelihoodByQuadrature(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const f = (tau: number): number => Math.pow(p.alpha + tau, -(p.r + x)) * Math.pow(p.beta + tau, -(p.s + 1));
  const simpson = (a: number, b: number): number => ((b - a) / 6) * (f(a) + 4 * f((a + b) / 2) + f(b));
  const adaptive = (a: number, b: number, whole: number, depth: number): number => {
    const m = (a + b) / 2;
    const left = simpson(a, m);
    const right = simpson(m, b);
    if (depth > 40 || Math.abs(left + right - whole) < 1e-15 * Math.abs(left + right)) return left + right;
    return adaptive(a, m, left, depth + 1) + adaptive(m, b, right, depth + 1);
  };
  const integral = tx < T ? adaptive(tx, T, simpson(tx, T), 0) : 0;
  const constant = Math.exp(lgamma(p.r + x) - lgamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta));
  return constant * (Math.pow(p.alpha + T, -(p.r + x)) * Math.pow(p.beta + T, -p.s) + p.s * integral);
}

describe('Pareto/NBD on the CDNOW sample', () => {
  itReachesOneOptimum({
    fit,
    logLikelihood: ll,
    gradient: (theta) => paretoNbdGradient(paretoNbdParams(theta), grouped),
    elsewhere: [Float64Array.of(1, 2, 3, 4), Float64Array.of(0.2, 30, 2, 3)],
    gradientKind: 'Richardson',
  });

  // Published to 3-4 significant digits: relative 2e-3 (half a unit in the last digit of 0.553).
  it('matches the published estimates (Fader, Hardie & Lee 2005)', () => {
    const { r, alpha, s, beta } = fit.params;
    expect(Math.abs(r / published.r - 1)).toBeLessThan(2e-3);
    expect(Math.abs(alpha / published.alpha - 1)).toBeLessThan(2e-3);
    expect(Math.abs(s / published.s - 1)).toBeLessThan(2e-3);
    expect(Math.abs(beta / published.beta - 1)).toBeLessThan(2e-3);
    expect(fit.hessianPositiveDefinite).toBe(true);
  });

  it('P(alive) lies in (0, 1] for every customer', () => {
    const pAlive = paretoNbdPAlive(fit.params, summary);
    expect(pAlive.every((p) => p > 0 && p <= 1)).toBe(true);
  });
});

describe('Pareto/NBD likelihood', () => {
  const cases: [string, ParetoNbdParams][] = [
    ['α > β', { r: 0.55, alpha: 10.6, s: 0.61, beta: 4 }],
    ['α < β', { r: 0.55, alpha: 10.6, s: 0.61, beta: 30 }],
    ['α = β', { r: 1.3, alpha: 7, s: 2.5, beta: 7 }],
    ['β ≪ α, ₂F₁ argument near 1 (continued fraction)', { r: 2, alpha: 500, s: 0.4, beta: 0.5 }],
    ['α ≪ β, ₂F₁ argument near 1 (continued fraction)', { r: 0.3, alpha: 0.2, s: 3, beta: 400 }],
  ];
  for (const [label, p] of cases) {
    it(`equals the defining integral by quadrature when ${label}`, () => {
      for (const [x, tx, T] of [
        [0, 0, 38],
        [2, 30.43, 38.86],
        [7, 5, 20],
        [1, 0.5, 0.5],
      ] as const) {
        const value = paretoNbdLogLikelihood(p, groupRecencyFrequency({ x: [x], tx: [tx], T: [T] }));
        expect(value).toBeCloseTo(Math.log(likelihoodByQuadrature(p, x, tx, T)), 9);
      }
    });
  }

  it('stays finite for enormous x and long ages, with P(alive) in [0, 1]', () => {
    const columns = { x: [1e6, 1e6], tx: [50, 500], T: [500, 500] };
    expect(Number.isFinite(paretoNbdLogLikelihood(published, groupRecencyFrequency(columns)))).toBe(true);
    const pAlive = paretoNbdPAlive(published, columns);
    expect(pAlive[0]).toBeLessThan(1e-6);
    expect(pAlive[1]).toBeGreaterThan(0.99);
  });

  it('P(alive) and the conditional expectation equal their defining integrals (quadrature for L)', () => {
    const p = cases[1]![1];
    const [x, tx, T, t] = [2, 30.43, 38.86, 39];
    const likelihood = likelihoodByQuadrature(p, x, tx, T);
    const gammaPart = Math.exp(
      lgamma(p.r + x) - lgamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta),
    );
    const aliveTerm = gammaPart * Math.pow(p.alpha + T, -(p.r + x)) * Math.pow(p.beta + T, -p.s);
    const [pAlive] = paretoNbdPAlive(p, { x: [x], tx: [tx], T: [T] });
    expect(pAlive).toBeCloseTo(aliveTerm / likelihood, 10);
    // E[Y(t)] = E[λ^(x+1) e^(−λT)] · E[(1 − e^(−μt)) e^(−μT) / μ] / L, both factors in closed form.
    const lambdaPart = gammaPart * ((p.r + x) / Math.pow(p.alpha + T, p.r + x + 1)) * Math.pow(p.beta, -p.s);
    const muPart =
      (Math.pow(p.beta, p.s) / (p.s - 1)) *
      (Math.pow(p.beta + T, 1 - p.s) - Math.pow(p.beta + T + t, 1 - p.s));
    const [expected] = paretoNbdConditionalExpected(p, { x: [x], tx: [tx], T: [T] }, t);
    expect(expected).toBeCloseTo((lambdaPart * muPart) / likelihood, 10);
  });

  it('at T = t_x the customer is alive with certainty', () => {
    const [p] = paretoNbdPAlive(published, { x: [4], tx: [25], T: [25] });
    expect(p).toBe(1);
  });
});

describe('Pareto/NBD forecasts', () => {
  it('the conditional expectation of an alive customer is (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]', () => {
    const p = { r: 0.5, alpha: 10, s: 2, beta: 12 };
    const [e] = paretoNbdConditionalExpected(p, { x: [3], tx: [20], T: [20] }, 39);
    expect(e).toBeCloseTo(((3.5 * 32) / 30) * (1 - 32 / 71), 12);
  });

  it('is continuous through s = 1, where the formula is 0/0 (limit (r+x)(β+T)/(α+T) · ln((β+T+t)/(β+T)))', () => {
    const p = { r: 0.5, alpha: 10, s: 1, beta: 12 };
    const [e] = paretoNbdConditionalExpected(p, { x: [3], tx: [20], T: [20] }, 39);
    expect(e).toBeCloseTo(((3.5 * 32) / 30) * Math.log(71 / 32), 12);
  });

  it('E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)]', () => {
    expect(paretoNbdExpectedPurchases(published, 52)).toBeCloseTo(
      ((published.r * published.beta) / (published.alpha * (published.s - 1))) *
        (1 - Math.pow(published.beta / (published.beta + 52), published.s - 1)),
      12,
    );
  });
});
