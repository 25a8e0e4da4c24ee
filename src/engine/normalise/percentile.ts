/**
 * Percentile rank as SQL `percent_rank()`: (rank − 1) / (rows − 1), where equal values share the rank of the
 * first of them, i.e. the unit score is the number of rows ordered strictly before the value over rows − 1.
 * `descending` orders higher values first ("lower is better"). NULLs are ranked first or last, or left NULL
 * for the factor's NULL policy ('policy': they are not counted among the rows).
 */
export interface PercentileParams {
  readonly kind: 'percentile';
  readonly descending: boolean;
  readonly nulls: 'first' | 'last' | 'policy';
  readonly nullCount: number;
  /** Non-NULL values of the fitted population, ascending; the exact breakpoints for re-scoring one value. */
  readonly sorted: Float64Array;
}

export function rowsRanked(p: PercentileParams): number {
  return p.sorted.length + (p.nulls === 'policy' ? 0 : p.nullCount);
}

/** Rows ranked before every non-NULL value: the NULLs, when they rank first. */
export const nullsBefore = (p: PercentileParams): number => (p.nulls === 'first' ? p.nullCount : 0);

export function percentileOfNull(p: PercentileParams): number {
  if (p.nulls === 'policy') return Number.NaN;
  const denominator = rowsRanked(p) - 1;
  if (denominator <= 0 || p.nulls === 'first') return 0;
  return p.sorted.length / denominator;
}

/**
 * Score of one value against fitted breakpoints; equals the batch score for every member of the population.
 * `hint`, a guess of the number of breakpoints ordered before the value, only speeds up the search.
 */
export function scorePercentile(p: PercentileParams, value: number, hint = p.sorted.length >>> 1): number {
  if (Number.isNaN(value)) return percentileOfNull(p);
  const denominator = rowsRanked(p) - 1;
  if (denominator <= 0) return 0;
  const offset = nullsBefore(p);
  const before = p.descending
    ? p.sorted.length - countBefore(p.sorted, value, true, p.sorted.length - hint)
    : countBefore(p.sorted, value, false, hint);
  // A value beyond every fitted one passes the customer's own old value too; the scale still ends at 1.
  return Math.min(1, (offset + before) / denominator);
}

/**
 * Number of sorted values below `value` (or at it, when `inclusive`), searched outwards from `hint` in doubling
 * steps and then by bisection: a few probes when the answer is near the hint, ~2·log n when it is not.
 */
export function countBefore(sorted: Float64Array, value: number, inclusive: boolean, hint: number): number {
  const n = sorted.length;
  const h = Math.min(n, Math.max(0, hint));
  let lo: number;
  let hi: number;
  let step = 1;
  if (h < n && before(sorted[h]!, value, inclusive)) {
    lo = h + 1;
    while (lo + step - 1 < n && before(sorted[lo + step - 1]!, value, inclusive)) {
      lo += step;
      step *= 2;
    }
    hi = Math.min(n, lo + step - 1);
  } else {
    hi = h;
    while (hi - step >= 0 && !before(sorted[hi - step]!, value, inclusive)) {
      hi -= step;
      step *= 2;
    }
    lo = Math.max(0, hi - step + 1);
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid]!, value, inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const before = (x: number, value: number, inclusive: boolean): boolean =>
  inclusive ? x <= value : x < value;
