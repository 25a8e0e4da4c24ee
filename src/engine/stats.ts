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

/** Mean and population standard deviation of the non-NaN values (Welford: stable for large money values). */
export function meanAndSd(values: Float64Array): { mean: number; sd: number } {
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    count++;
    const delta = v - mean;
    mean += delta / count;
    m2 += delta * (v - mean);
  }
  return { mean, sd: count ? Math.sqrt(m2 / count) : 0 };
}
