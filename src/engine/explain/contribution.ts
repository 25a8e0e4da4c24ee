import type { FittedFactor } from '../composite/factors.js';

/**
 * Points of the composite a factor contributes: its share of the composite times its 0–100 score, where a
 * NULL score counts as the population median under the 'median' policy and as nothing otherwise.
 */
export function contributionOf(fitted: FittedFactor, weight: number, depth: number, score: number): number {
  return weight * (Number.isNaN(score) ? substitute(fitted, depth) : score);
}

function substitute(fitted: FittedFactor, depth: number): number {
  if (fitted.nullPolicy !== 'median' || Number.isNaN(fitted.median)) return 0;
  return depth === 0 ? fitted.median : 100 * fitted.median;
}
