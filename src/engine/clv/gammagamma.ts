// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie's note
// "The Gamma-Gamma model of monetary value"). A customer's transaction values are Gamma(p, ν) with
// ν ~ Gamma(q, γ) across customers; the average of x transactions is then Gamma(px, νx).
import { fitMaximumLikelihood } from './fit.js';
import type { FitOptions, FitResult } from './fit.js';
import { levelsOf } from './grouping.js';
import { clvError } from './labels.js';
import { digamma, lgamma } from './special.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export const GAMMAGAMMA_NAMES = ['p', 'q', 'gamma'] as const;

export interface SpendColumns {
  /** Repeat purchases. */
  x: ArrayLike<number>;
  /** Mean value of the repeat purchases (0 when there are none). */
  zbar: ArrayLike<number>;
}

/** Repeat buyers with positive mean spend: the only customers that inform the spend model. */
export interface SpendSample {
  x: Float64Array;
  zbar: Float64Array;
  xLevel: Uint32Array;
  xValues: Float64Array;
  xCount: Float64Array;
  /** Σ ln zbar per x value. */
  xLogSpend: Float64Array;
}

export function prepareSpend(columns: SpendColumns): SpendSample {
  if (columns.x.length !== columns.zbar.length) throw clvError('columnLengths');
  const keep: number[] = [];
  for (let i = 0; i < columns.x.length; i++) {
    const z = columns.zbar[i]!;
    if (!(z >= 0) || !Number.isFinite(z)) throw clvError('spendInvalid');
    if (columns.x[i]! > 0 && z > 0) keep.push(i);
  }
  const x = Float64Array.from(keep, (i) => columns.x[i]!);
  const zbar = Float64Array.from(keep, (i) => columns.zbar[i]!);
  const levels = levelsOf(x);
  const xCount = new Float64Array(levels.values.length);
  const xLogSpend = new Float64Array(levels.values.length);
  for (let i = 0; i < x.length; i++) {
    const k = levels.of[i]!;
    xCount[k] = xCount[k]! + 1;
    xLogSpend[k] = xLogSpend[k]! + Math.log(zbar[i]!);
  }
  return { x, zbar, xLevel: levels.of, xValues: levels.values, xCount, xLogSpend };
}

/**
 * ln L = Σ [ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄)],
 * x-only terms once per distinct x. Fills `gradient` (∂/∂p, ∂/∂q, ∂/∂γ) when given.
 */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  sample: SpendSample,
  gradient?: Float64Array,
): number {
  const { p, q, gamma } = params;
  const lnGamma = Math.log(gamma);
  const lgQ = lgamma(q);
  const psiQ = gradient ? digamma(q) : 0;
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gGamma = 0;
  for (let k = 0; k < sample.xValues.length; k++) {
    const x = sample.xValues[k]!;
    const n = sample.xCount[k]!;
    const px = p * x;
    const lnX = Math.log(x);
    ll += n * (lgamma(px + q) - lgamma(px) - lgQ + q * lnGamma + px * lnX) + (px - 1) * sample.xLogSpend[k]!;
    if (gradient) {
      const psiPQ = digamma(px + q);
      gp += n * x * (psiPQ - digamma(px) + lnX) + x * sample.xLogSpend[k]!;
      gq += n * (psiPQ - psiQ + lnGamma);
      gGamma += (n * q) / gamma;
    }
  }
  const { x: xs, zbar } = sample;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const pool = gamma + x * zbar[i]!;
    const lnPool = Math.log(pool);
    const shape = p * x + q;
    ll -= shape * lnPool;
    if (gradient) {
      gp -= x * lnPool;
      gq -= lnPool;
      gGamma -= shape / pool;
    }
  }
  if (gradient) {
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gGamma;
  }
  return ll;
}

export interface FrequencySpendCheck {
  /** Pearson correlation of x and z̄ among repeat buyers; the model assumes spend independent of frequency. */
  correlation: number;
  customers: number;
  /** |correlation| below the threshold (default 0.3, Fader & Hardie judge 0.11 on CDNOW acceptable). */
  plausible: boolean;
}

export function frequencySpendCorrelation(sample: SpendSample, threshold = 0.3): FrequencySpendCheck {
  const n = sample.x.length;
  let mx = 0;
  let mz = 0;
  for (let i = 0; i < n; i++) {
    mx += sample.x[i]!;
    mz += sample.zbar[i]!;
  }
  mx /= n;
  mz /= n;
  let sxz = 0;
  let sxx = 0;
  let szz = 0;
  for (let i = 0; i < n; i++) {
    const dx = sample.x[i]! - mx;
    const dz = sample.zbar[i]! - mz;
    sxz += dx * dz;
    sxx += dx * dx;
    szz += dz * dz;
  }
  const correlation = sxx > 0 && szz > 0 ? sxz / Math.sqrt(sxx * szz) : Number.NaN;
  return { correlation, customers: n, plausible: Math.abs(correlation) < threshold };
}

export interface GammaGammaFit extends FitResult<GammaGammaParams> {
  customersUsed: number;
  independence: FrequencySpendCheck;
}

export function fitGammaGamma(data: SpendColumns | SpendSample, options: FitOptions = {}): GammaGammaFit {
  const sample = 'xCount' in data ? data : prepareSpend(data);
  if (sample.x.length === 0) throw clvError('emptyFit');
  let meanSpend = 0;
  for (let i = 0; i < sample.zbar.length; i++) meanSpend += sample.zbar[i]!;
  meanSpend /= sample.zbar.length;
  // Spend has a currency scale, so the starts scale γ with the mean spend (p=1, q=2 gives mean γ).
  const starts = [
    [1, 2, meanSpend],
    [0.1, 0.5, meanSpend / 100],
    [20, 20, meanSpend * 10],
  ];
  const fit = fitMaximumLikelihood(
    {
      names: GAMMAGAMMA_NAMES,
      defaultStarts: starts,
      logLikelihood: (theta, gradient) => gammaGammaLogLikelihood(gammaGammaParams(theta), sample, gradient),
      toParams: gammaGammaParams,
    },
    options,
  );
  return { ...fit, customersUsed: sample.x.length, independence: frequencySpendCorrelation(sample) };
}

export function gammaGammaParams(theta: ArrayLike<number>): GammaGammaParams {
  return { p: theta[0]!, q: theta[1]!, gamma: theta[2]! };
}

/**
 * E[M | x, z̄] = p(γ + x z̄) / (px + q − 1): a weighted average of the population mean pγ/(q−1) and
 * the customer's own z̄. NaN where px + q ≤ 1 (the mean does not exist).
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, columns: SpendColumns): Float64Array {
  if (columns.x.length !== columns.zbar.length) throw clvError('columnLengths');
  const { p, q, gamma } = params;
  return Float64Array.from({ length: columns.x.length }, (_, i) => {
    const x = columns.x[i]!;
    const zbar = columns.zbar[i]!;
    if (!(zbar >= 0) || !Number.isFinite(zbar)) throw clvError('spendInvalid');
    const denominator = p * x + q - 1;
    return denominator > 0 ? (p * (gamma + x * zbar)) / denominator : Number.NaN;
  });
}
