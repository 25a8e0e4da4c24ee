// Special functions for the purchase models. Written here because the likelihoods need them on
// typed arrays in hot loops, and JavaScript's Math has neither lgamma nor digamma.

const HALF_LOG_TWO_PI = 0.9189385332046728;

// Lanczos approximation, g = 7, n = 9 (relative error about 1e-15 for x >= 0.5).
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

// Above this argument the Stirling series is more accurate than Lanczos in absolute terms,
// which matters for differences such as lgamma(r + x) - lgamma(r) with enormous x.
const STIRLING_FROM = 10;

/** Natural log of the gamma function for x > 0 (NaN otherwise). */
export function lgamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x >= STIRLING_FROM) {
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series =
      inv *
      (1 / 12 -
        inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - inv2 * (691 / 360360))))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
  }
  if (x < 0.5) return lgamma(x + 1) - Math.log(x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Digamma ψ(x) = d/dx lgamma(x) for x > 0: recurrence up to 10, then the asymptotic series. */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift -= 1 / y;
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  const series =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return shift + Math.log(y) - 0.5 * inv - series;
}

/** log(1 + e^u) without overflow. */
export function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

/** 1 / (1 + e^-u) without overflow. */
export function sigmoid(u: number): number {
  if (u >= 0) return 1 / (1 + Math.exp(-u));
  const e = Math.exp(u);
  return e / (1 + e);
}

/** log(e^a + e^b). */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log(e^a - e^b) for a >= b; -Infinity when equal. */
export function logSubExp(a: number, b: number): number {
  const d = b - a;
  if (d === 0) return Number.NEGATIVE_INFINITY;
  // log(1 - e^d): expm1 is exact near 0, log1p(-exp) near -infinity.
  return a + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}

/** (1 - e^(eps·L)) / eps, continuous at eps = 0 where it equals -L. */
export function oneMinusExpOver(eps: number, logBase: number): number {
  const product = eps * logBase;
  if (Math.abs(product) < 1e-12) return -logBase * (1 + product / 2);
  return -Math.expm1(product) / eps;
}
