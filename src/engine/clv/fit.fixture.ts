// Test-only measurements of a maximum-likelihood fit: agreement between starts, local optimality,
// and finite-difference gradients.
import { expect, it } from 'vitest';

import type { FitResult } from './fit.js';

/** Largest relative deviation of any start's log-likelihood and parameters from the best start's. */
export function spreadAcrossStarts<P>(fit: FitResult<P>): { logLikelihood: number; parameters: number } {
  let logLikelihood = 0;
  let parameters = 0;
  for (const start of fit.starts) {
    logLikelihood = Math.max(
      logLikelihood,
      Math.abs(start.logLikelihood - fit.logLikelihood) / Math.abs(fit.logLikelihood),
    );
    start.parameters.forEach((value, i) => {
      parameters = Math.max(parameters, Math.abs(value - fit.parameters[i]!) / fit.parameters[i]!);
    });
  }
  return { logLikelihood, parameters };
}

/**
 * Largest increase of the log-likelihood over moving each parameter by ±step (relative) and over
 * moving all of them along fixed mixed-sign directions.
 */
export function bestPerturbationGain(
  ll: (theta: Float64Array) => number,
  theta: Float64Array,
  step: number,
): number {
  const base = ll(theta);
  const n = theta.length;
  const directions: number[][] = [];
  for (let i = 0; i < n; i++) {
    for (const sign of [1, -1]) directions.push(Array.from({ length: n }, (_, j) => (j === i ? sign : 0)));
  }
  directions.push(
    Array.from({ length: n }, (_, j) => (j % 2 === 0 ? 1 : -1)),
    Array.from({ length: n }, (_, j) => (j % 2 === 0 ? -1 : 1)),
    Array.from({ length: n }, () => 1),
    Array.from({ length: n }, () => -1),
  );
  let gain = Number.NEGATIVE_INFINITY;
  for (const direction of directions) {
    const moved = theta.map((value, j) => value * (1 + step * direction[j]!));
    gain = Math.max(gain, ll(moved) - base);
  }
  return gain;
}

/** Plain central differences with a relative step: the independent reference for gradients. */
export function centralDifferenceGradient(
  ll: (theta: Float64Array) => number,
  theta: Float64Array,
  relativeStep = 1e-6,
): Float64Array {
  return theta.map((value, i) => {
    const h = value * relativeStep;
    const up = Float64Array.from(theta);
    const down = Float64Array.from(theta);
    up[i] = value + h;
    down[i] = value - h;
    return (ll(up) - ll(down)) / (2 * h);
  });
}

export interface OptimumCheck<P> {
  fit: FitResult<P>;
  logLikelihood: (theta: Float64Array) => number;
  /** The model's own gradient (analytic, or its careful numerical one). */
  gradient: (theta: Float64Array) => Float64Array;
  /** Points away from the optimum where the gradient is also checked. */
  elsewhere: Float64Array[];
  gradientKind: string;
}

/** The optimum properties every fit must show, as vitest cases. */
export function itReachesOneOptimum<P>(check: OptimumCheck<P>): void {
  const { fit, logLikelihood } = check;
  it('every distant start converges to the same optimum', () => {
    expect(fit.starts.every((s) => s.converged)).toBe(true);
    const spread = spreadAcrossStarts(fit);
    expect(spread.logLikelihood).toBeLessThan(1e-6);
    expect(spread.parameters).toBeLessThan(1e-3);
  });

  it('no small perturbation of the fitted parameters raises the log-likelihood', () => {
    for (const step of [1e-3, 1e-2]) {
      expect(bestPerturbationGain(logLikelihood, fit.parameters, step)).toBeLessThanOrEqual(0);
    }
  });

  it(`the ${check.gradientKind} gradient agrees with plain finite differences, at and away from the optimum`, () => {
    for (const theta of [fit.parameters, ...check.elsewhere]) {
      const numeric = centralDifferenceGradient(logLikelihood, theta);
      check.gradient(theta).forEach((g, i) => {
        expect(Math.abs(g - numeric[i]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(g)));
      });
    }
  });
}
