// Gauss hypergeometric functions in the two shapes the purchase models need.

const RELATIVE_EPS = 1e-17;
const SERIES_UP_TO = 0.5;
// A cap rather than a loop that may never end: parameter regions where it binds (z within about
// 1e-6 of 1) are far from any optimum, and the optimiser only needs a finite, smooth value there.
const MAX_TERMS = 20_000;
const TINY = 1e-300;

/**
 * ln ₂F₁(a, b; a + 1; z) for a > 0, 0 < b < a + 1, 0 <= z < 1 — the family in the Pareto/NBD
 * likelihood, where (a, b) is (r+s+x, s+1) or (r+s+x, r+x).
 *
 * Euler's transformation gives ₂F₁(a, b; a+1; z) = (1-z)^(1-b) · ₂F₁(1, a+1-b; a+1; z). The second
 * factor has positive, monotonically shrinking coefficients bounded by 1, so it neither overflows
 * for enormous a or b (large x) nor loses digits to cancellation. Summed as a power series when
 * z <= 1/2; above that, Gauss's continued fraction, which needs O(1/√(1-z)) rather than
 * O(1/(1-z)) steps.
 */
export function logHyp2f1UnitShift(a: number, b: number, z: number): number {
  if (z === 0) return 0;
  const upper = a + 1;
  const lower = a + 1 - b;
  const g = z <= SERIES_UP_TO ? seriesOneLower(lower, upper, z) : continuedFractionOneLower(lower, upper, z);
  return (1 - b) * Math.log1p(-z) + Math.log(g);
}

/** ₂F₁(1, lower; upper; z) = Σ_j Π_{k<=j} (lower+k-1)/(upper+k-1) · z^j. */
function seriesOneLower(lower: number, upper: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let j = 1; j < MAX_TERMS; j++) {
    term *= ((lower + j - 1) / (upper + j - 1)) * z;
    sum += term;
    if (term < RELATIVE_EPS * sum) break;
  }
  return sum;
}

/**
 * ₂F₁(lower, 1; upper; z) as Gauss's continued fraction 1 / (1 - k₁z / (1 - k₂z / (1 - ...))),
 * the ratio ₂F₁(A, B+1; C+1; z) / ₂F₁(A, B; C; z) with A = lower, B = 0, C = upper - 1,
 * evaluated by the modified Lentz method.
 */
function continuedFractionOneLower(lower: number, upper: number, z: number): number {
  const c = upper - 1;
  let f = 1;
  let cc = 1;
  let d = 0;
  for (let n = 1; n < MAX_TERMS; n++) {
    const i = (n - 1) >> 1;
    const k =
      n % 2 === 1
        ? ((lower + i) * (c + i)) / ((c + 2 * i) * (c + 2 * i + 1))
        : ((i + 1) * (c - lower + i + 1)) / ((c + 2 * i + 1) * (c + 2 * i + 2));
    const an = -k * z;
    d = 1 + an * d;
    if (Math.abs(d) < TINY) d = TINY;
    cc = 1 + an / cc;
    if (Math.abs(cc) < TINY) cc = TINY;
    d = 1 / d;
    const delta = cc * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/**
 * (₂F₁(a, b; c; z) - 1) / b, summed without dividing by b so that it stays exact as b -> 0.
 * The BG/NBD conditional expectation has b = a_BG - 1, which is 0 at a common fitted value.
 */
export function hyp2f1ExcessOverB(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  let term = (a / c) * z;
  let sum = term;
  for (let j = 1; j < MAX_TERMS * 50; j++) {
    const ratio = (((a + j) * (b + j)) / ((c + j) * (j + 1))) * z;
    term *= ratio;
    sum += term;
    if (Math.abs(ratio) < 1 && Math.abs(term) < RELATIVE_EPS * Math.abs(sum)) break;
  }
  return sum;
}

/**
 * e^logScale · (₂F₁(a, b; c; z) − 1) / b with every term carried as a logarithm and a sign, for when the series
 * itself overflows although the scaled value is moderate: BG/NBD fits on small or very regular populations
 * reach a and b near the parameter bound (10⁶), where ₂F₁ is of the order (1 − z)^(−b) and its scale factor
 * (1 − z)^(a−1) underflows, so the plain product is 0 · ∞.
 */
export function scaledHyp2f1ExcessOverB(
  a: number,
  b: number,
  c: number,
  z: number,
  logScale: number,
): number {
  const first = (a / c) * z;
  if (first === 0) return 0;
  let sign = Math.sign(first);
  let logMagnitude = Math.log(Math.abs(first));
  let sum = sign * Math.exp(logMagnitude + logScale);
  for (let j = 1; j < MAX_TERMS * 50; j++) {
    const ratio = (((a + j) * (b + j)) / ((c + j) * (j + 1))) * z;
    if (ratio === 0) break;
    sign *= Math.sign(ratio);
    logMagnitude += Math.log(Math.abs(ratio));
    const term = sign * Math.exp(logMagnitude + logScale);
    sum += term;
    if (Math.abs(ratio) < 1 && Math.abs(term) <= RELATIVE_EPS * Math.abs(sum)) break;
  }
  return sum;
}
