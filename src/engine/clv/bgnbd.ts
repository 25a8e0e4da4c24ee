// BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
// While active a customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase they drop out
// with probability p ~ Beta(a, b).
import { fitMaximumLikelihood } from './fit.js';
import type { FitOptions, FitResult } from './fit.js';
import { groupRecencyFrequency, validateRecencyFrequency } from './grouping.js';
import type { GroupedRecencyFrequency, RecencyFrequency } from './grouping.js';
import { hyp2f1ExcessOverB, scaledHyp2f1ExcessOverB } from './hypergeometric.js';
import { clvError } from './labels.js';
import { digamma, lgamma, oneMinusExpOver, sigmoid } from './special.js';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export const BGNBD_NAMES = ['r', 'alpha', 'a', 'b'] as const;

/**
 * Log-likelihood of grouped data, ln L = Σ count · [ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 * − (r+x) ln(α+T) + ln(1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))], the last term as a softplus
 * so that ((α+T)/(α+t_x))^(r+x) never overflows. Fills `gradient` (∂/∂r, ∂/∂α, ∂/∂a, ∂/∂b) when given.
 */
export function bgnbdLogLikelihood(
  params: BgNbdParams,
  data: GroupedRecencyFrequency,
  gradient?: Float64Array,
): number {
  const { r, alpha, a, b } = params;
  const xs = data.xLevels.values;
  const levels = xs.length;
  const perX = new Float64Array(levels);
  const logOdds = new Float64Array(levels);
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const baseB = lgamma(a + b) - lgamma(b);
  const lgR = lgamma(r);
  let ll = 0;
  for (let k = 0; k < levels; k++) {
    const x = xs[k]!;
    perX[k] = lgamma(r + x) - lgR + r * lnAlpha + baseB + lgamma(b + x) - lgamma(a + b + x);
    logOdds[k] = x > 0 ? lnA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
    ll += data.xLevelCount[k]! * perX[k]!;
  }
  const lnAT = data.TLevels.values.map((T) => Math.log(alpha + T));
  const lnAtx = data.txLevels.values.map((t) => Math.log(alpha + t));

  let gr = 0;
  let gAlpha = 0;
  let gA = 0;
  let gB = 0;
  const wantGradient = gradient !== undefined;
  const { x: xRow, count } = data;
  const xOf = data.xLevels.of;
  const TOf = data.TLevels.of;
  const txOf = data.txLevels.of;
  for (let i = 0; i < count.length; i++) {
    const w = count[i]!;
    const x = xRow[i]!;
    const k = xOf[i]!;
    const logAT = lnAT[TOf[i]!]!;
    const gap = logAT - lnAtx[txOf[i]!]!;
    let share = 0;
    let term = -(r + x) * logAT;
    if (x > 0) {
      const u = logOdds[k]! + (r + x) * gap;
      const e = Math.exp(-Math.abs(u));
      term += Math.max(u, 0) + Math.log1p(e);
      share = u >= 0 ? 1 / (1 + e) : e / (1 + e);
    }
    ll += w * term;
    if (wantGradient) {
      const invAT = 1 / (alpha + data.T[i]!);
      const invAtx = 1 / (alpha + data.tx[i]!);
      gr += w * (share * gap - logAT);
      gAlpha += w * (-(r + x) * invAT + share * (r + x) * (invAT - invAtx));
      if (x > 0) {
        gA += (w * share) / a;
        gB -= (w * share) / (b + x - 1);
      }
    }
  }
  if (gradient) {
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    for (let k = 0; k < levels; k++) {
      const x = xs[k]!;
      const n = data.xLevelCount[k]!;
      const psiABX = digamma(a + b + x);
      gr += n * (digamma(r + x) - psiR + lnAlpha);
      gAlpha += (n * r) / alpha;
      gA += n * (psiAB - psiABX);
      gB += n * (psiAB + digamma(b + x) - psiB - psiABX);
    }
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = gA;
    gradient[3] = gB;
  }
  return ll;
}

const DEFAULT_STARTS = [
  [1, 1, 1, 1],
  [0.1, 30, 0.3, 3],
  [5, 0.5, 5, 20],
] as const;

export function fitBgNbd(
  data: RecencyFrequency | GroupedRecencyFrequency,
  options: FitOptions = {},
): FitResult<BgNbdParams> {
  const grouped = 'count' in data ? data : groupRecencyFrequency(data);
  if (grouped.customers === 0) throw clvError('emptyFit');
  return fitMaximumLikelihood(
    {
      names: BGNBD_NAMES,
      defaultStarts: DEFAULT_STARTS,
      logLikelihood: (theta, gradient) => bgnbdLogLikelihood(bgnbdParams(theta), grouped, gradient),
      toParams: bgnbdParams,
    },
    options,
  );
}

export function bgnbdParams(theta: ArrayLike<number>): BgNbdParams {
  return { r: theta[0]!, alpha: theta[1]!, a: theta[2]!, b: theta[3]! };
}

/** log of a/(b+x−1) · ((α+T)/(α+t_x))^(r+x): the odds that the customer has dropped out. */
function logDropoutOdds(params: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  return Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/** P(alive | x, t_x, T): exactly 1 without repeat purchases (in BG/NBD a customer can only drop out after a purchase). */
export function bgnbdPAlive(params: BgNbdParams, columns: RecencyFrequency): Float64Array {
  validateRecencyFrequency(columns);
  return Float64Array.from({ length: columns.x.length }, (_, i) => {
    const x = columns.x[i]!;
    return x === 0 ? 1 : sigmoid(-logDropoutOdds(params, x, columns.tx[i]!, columns.T[i]!));
  });
}

/**
 * E[Y(t) | x, t_x, T], expected repeat purchases in (T, T+t]:
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive), z = t/(α+T+t).
 * Euler's transformation turns the bracket into 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose
 * series converges fast for large x and whose division by a−1 is done analytically, so a = 1 is
 * not a singularity.
 */
export function bgnbdConditionalExpected(
  params: BgNbdParams,
  columns: RecencyFrequency,
  t: number,
): Float64Array {
  validateRecencyFrequency(columns);
  return Float64Array.from({ length: columns.x.length }, (_, i) =>
    conditionalExpected(params, columns.x[i]!, columns.tx[i]!, columns.T[i]!, t),
  );
}

function conditionalExpected(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const logBase = Math.log1p(-z);
  const plain = Math.exp((a - 1) * logBase) * hyp2f1ExcessOverB(a + b - 1 - r, a - 1, a + b + x - 1, z);
  const tail = Number.isFinite(plain)
    ? plain
    : scaledHyp2f1ExcessOverB(a + b - 1 - r, a - 1, a + b + x - 1, z, (a - 1) * logBase);
  const bracket = oneMinusExpOver(a - 1, logBase) - tail;
  const pAlive = x === 0 ? 1 : sigmoid(-logDropoutOdds(params, x, tx, T));
  return (a + b + x - 1) * bracket * pAlive;
}

/** Unconditional E[X(t)]: expected repeat purchases of a new customer within t of the first purchase. */
export function bgnbdExpectedPurchases(params: BgNbdParams, t: number): number {
  return conditionalExpected(params, 0, 0, 0, t);
}
