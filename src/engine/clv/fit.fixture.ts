// Test-only measurements of a maximum-likelihood fit: agreement between starts, local optimality,
// and finite-difference gradients.
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
export function bestPerturbationGain(ll: (theta: Float64Array) => number, theta: Float64Array, step: number): number {
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
