// Pareto/NBD (Schmittlein, Morrison & Colombo 1987), in the form of Fader & Hardie's 2005 note
// "A note on deriving the Pareto/NBD model and related expressions". While active a customer buys
// at Poisson rate λ ~ Gamma(r, α); the lifetime is exponential with rate μ ~ Gamma(s, β).
import { fitMaximumLikelihood } from './fit.js';
import type { FitOptions, FitResult } from './fit.js';
import { groupRecencyFrequency, validateRecencyFrequency } from './grouping.js';
import type { GroupedRecencyFrequency, RecencyFrequency } from './grouping.js';
import { logHyp2f1UnitShift } from './hypergeometric.js';
import { clvError } from './labels.js';
import { withRichardsonGradient } from './optimise.js';
import { lgamma, logAddExp, logSubExp, oneMinusExpOver, sigmoid } from './special.js';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

export const PARETONBD_NAMES = ['r', 'alpha', 's', 'beta'] as const;

/**
 * The two log-terms of the individual likelihood after the gamma constants:
 * L ∝ e^alive + e^dropped with alive = −(r+x) ln(α+T) − s ln(β+T) (still active at T) and
 * dropped = ln(s/(r+s+x)) + ln A₀ (dropped out in (t_x, T]), where
 * A₀ = ₂F₁(r+s+x, b; r+s+x+1; z(t_x)) / (m+t_x)^(r+s+x) − ₂F₁(…; z(T)) / (m+T)^(r+s+x),
 * m = max(α, β), z(t) = |α−β| / (m+t), and b = s+1 when α ≥ β, r+x when α < β. The case split keeps
 * 0 ≤ z < 1; everything stays in logs, so no power overflows for large x or T.
 */
function logTerms(
  params: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
): { alive: number; dropped: number } {
  const { r, alpha, s, beta } = params;
  const rsx = r + s + x;
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (tx === T) return { alive, dropped: Number.NEGATIVE_INFINITY };
  const m = Math.max(alpha, beta);
  const gap = Math.abs(alpha - beta);
  const b = alpha >= beta ? s + 1 : r + x;
  const atLast = logHyp2f1UnitShift(rsx, b, gap / (m + tx)) - rsx * Math.log(m + tx);
  const atEnd = logHyp2f1UnitShift(rsx, b, gap / (m + T)) - rsx * Math.log(m + T);
  return { alive, dropped: Math.log(s / rsx) + logSubExp(atLast, atEnd) };
}

export function paretoNbdLogLikelihood(params: ParetoNbdParams, data: GroupedRecencyFrequency): number {
  const { r, alpha, s, beta } = params;
  const xs = data.xLevels.values;
  const lgR = lgamma(r);
  let ll = data.customers * (r * Math.log(alpha) + s * Math.log(beta));
  for (let k = 0; k < xs.length; k++) ll += data.xLevelCount[k]! * (lgamma(r + xs[k]!) - lgR);
  for (let i = 0; i < data.count.length; i++) {
    const { alive, dropped } = logTerms(params, data.x[i]!, data.tx[i]!, data.T[i]!);
    ll += data.count[i]! * logAddExp(alive, dropped);
  }
  return ll;
}

/**
 * Gradient (∂/∂r, ∂/∂α, ∂/∂s, ∂/∂β) by Richardson-extrapolated central differences in log-parameter
 * space: the parameter derivatives of ₂F₁ have no closed form worth the risk.
 */
export function paretoNbdGradient(params: ParetoNbdParams, data: GroupedRecencyFrequency): Float64Array {
  const value = (eta: Float64Array): number =>
    paretoNbdLogLikelihood(paretoNbdParams(eta.map(Math.exp)), data);
  const theta = [params.r, params.alpha, params.s, params.beta];
  const gradientInLogs = new Float64Array(4);
  withRichardsonGradient(value)(Float64Array.from(theta, Math.log), gradientInLogs);
  return gradientInLogs.map((g, i) => g / theta[i]!);
}

const DEFAULT_STARTS = [
  [1, 1, 1, 1],
  [0.1, 30, 0.3, 3],
  [5, 0.5, 5, 20],
] as const;

export function fitParetoNbd(
  data: RecencyFrequency | GroupedRecencyFrequency,
  options: FitOptions = {},
): FitResult<ParetoNbdParams> {
  const grouped = 'count' in data ? data : groupRecencyFrequency(data);
  if (grouped.customers === 0) throw clvError('emptyFit');
  return fitMaximumLikelihood(
    {
      names: PARETONBD_NAMES,
      defaultStarts: DEFAULT_STARTS,
      logLikelihood: (theta, gradient) => {
        const params = paretoNbdParams(theta);
        if (gradient) gradient.set(paretoNbdGradient(params, grouped));
        return paretoNbdLogLikelihood(params, grouped);
      },
      toParams: paretoNbdParams,
    },
    options,
  );
}

export function paretoNbdParams(theta: ArrayLike<number>): ParetoNbdParams {
  return { r: theta[0]!, alpha: theta[1]!, s: theta[2]!, beta: theta[3]! };
}

function pAlive(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { alive, dropped } = logTerms(params, x, tx, T);
  return sigmoid(alive - dropped);
}

/** P(alive | x, t_x, T) = 1 / (1 + e^(dropped − alive)). */
export function paretoNbdPAlive(params: ParetoNbdParams, columns: RecencyFrequency): Float64Array {
  validateRecencyFrequency(columns);
  return Float64Array.from({ length: columns.x.length }, (_, i) =>
    pAlive(params, columns.x[i]!, columns.tx[i]!, columns.T[i]!),
  );
}

/**
 * E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive),
 * with the division by s−1 done analytically (continuous at s = 1).
 */
export function paretoNbdConditionalExpected(
  params: ParetoNbdParams,
  columns: RecencyFrequency,
  t: number,
): Float64Array {
  validateRecencyFrequency(columns);
  return Float64Array.from({ length: columns.x.length }, (_, i) => {
    const x = columns.x[i]!;
    const T = columns.T[i]!;
    return expectedWhileAlive(params, x, T, t) * pAlive(params, x, columns.tx[i]!, T);
  });
}

function expectedWhileAlive(params: ParetoNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, s, beta } = params;
  return (((r + x) * (beta + T)) / (alpha + T)) * oneMinusExpOver(s - 1, -Math.log1p(t / (beta + T)));
}

/** Unconditional E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)]. */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number {
  return expectedWhileAlive(params, 0, 0, t);
}
