/** Seeded generator (mulberry32): clustering and test data must be reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The sum of the non-NaN values, correctly rounded (Shewchuk's exact partials, as Python's math.fsum). A
 * plain running sum depends on the order of its terms in the last bits, and a population-level figure that
 * moves with the input order makes equal scores unequal and grades depend on how rows were read.
 */
export function exactSum(values: ArrayLike<number>, term: (v: number) => number = (v) => v): number {
  // Non-overlapping partials of a finite sum never number more than about 40 (the exponent range / 53 bits).
  const partials = new Float64Array(64);
  let count = 0;
  let plain = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (Number.isNaN(v)) continue;
    let x = term(v);
    plain += x;
    let used = 0;
    for (let j = 0; j < count; j++) {
      const p = partials[j]!;
      const big = Math.abs(x) < Math.abs(p) ? p : x;
      const small = big === x ? p : x;
      const hi = big + small;
      const lo = small - (hi - big);
      if (lo !== 0) partials[used++] = lo;
      x = hi;
    }
    partials[used] = x;
    count = used + 1;
  }
  // Infinite or overflowing terms have no exact finite sum; their plain sum is the honest answer.
  if (!Number.isFinite(plain) || !partials.subarray(0, count).every(Number.isFinite)) return plain;
  return roundPartials(partials.subarray(0, count));
}

/** Adds non-overlapping partials (ascending magnitude) from the top, rounding half to even as fsum does. */
function roundPartials(partials: Float64Array): number {
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n]!;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/**
 * Mean and population standard deviation of the non-NaN values, both from exact sums (two passes): the
 * same population in any order fits the same parameters, to the last bit. Equal values have σ 0 exactly,
 * and the mean never rounds outside the values' range.
 */
export function meanAndSd(values: Float64Array): { mean: number; sd: number } {
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) return { mean: 0, sd: 0 };
  if (min === max) return { mean: min, sd: 0 };
  const mean = Math.min(max, Math.max(min, exactSum(values) / count));
  const squares = exactSum(values, (v) => (v - mean) * (v - mean));
  return { mean, sd: Math.sqrt(squares / count) };
}
