import { meanAndSd } from '../stats.js';

/**
 * Continuous rescalings to the unit interval: min-max, log min-max (sign-preserving log so that negative
 * profit stays ordered) and z-score clipped to ±clip σ. A population whose values are all equal scores 0.5
 * (nobody is better than anybody). Values outside the fitted range, met when re-scoring one customer, clamp.
 */
export interface RangeParams {
  readonly kind: 'minmax' | 'log-minmax';
  readonly descending: boolean;
  readonly min: number;
  readonly max: number;
}

export interface ZScoreParams {
  readonly kind: 'zscore';
  readonly descending: boolean;
  readonly mean: number;
  readonly sd: number;
  readonly clip: number;
}

const signedLog = (x: number): number => Math.sign(x) * Math.log1p(Math.abs(x));
const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

export function fitRange(kind: RangeParams['kind'], values: Float64Array, descending: boolean): RangeParams {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    const x = kind === 'log-minmax' ? signedLog(v) : v;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { kind, descending, min, max };
}

export function scoreRange(p: RangeParams, value: number): number {
  if (Number.isNaN(value)) return Number.NaN;
  if (!(p.max > p.min)) return 0.5;
  const x = p.kind === 'log-minmax' ? signedLog(value) : value;
  const u = p.descending ? (p.max - x) / (p.max - p.min) : (x - p.min) / (p.max - p.min);
  return clamp01(u);
}

/** The raw value whose range score is `unit` (for explanations); the inverse of `scoreRange` inside the range. */
export function invertRange(p: RangeParams, unit: number): number {
  const x = p.descending ? p.max - unit * (p.max - p.min) : p.min + unit * (p.max - p.min);
  return p.kind === 'log-minmax' ? Math.sign(x) * Math.expm1(Math.abs(x)) : x;
}

export function fitZScore(values: Float64Array, descending: boolean, clip: number): ZScoreParams {
  return { kind: 'zscore', descending, ...meanAndSd(values), clip };
}

export function scoreZ(p: ZScoreParams, value: number): number {
  if (Number.isNaN(value)) return Number.NaN;
  if (!(p.sd > 0)) return 0.5;
  const z = ((p.descending ? -1 : 1) * (value - p.mean)) / p.sd;
  return clamp01((z + p.clip) / (2 * p.clip));
}

export function invertZ(p: ZScoreParams, unit: number): number {
  const z = unit * 2 * p.clip - p.clip;
  return p.mean + (p.descending ? -1 : 1) * z * p.sd;
}
