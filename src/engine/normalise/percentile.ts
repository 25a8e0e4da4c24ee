import { argsort } from '../sort/radix.js';

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

export function fitPercentile(
  values: Float64Array,
  descending: boolean,
  nulls: PercentileParams['nulls'],
): { params: PercentileParams; unit: Float64Array } {
  const n = values.length;
  const order = argsort(values, { nulls: 'last' });
  let nonNull = n;
  while (nonNull > 0 && Number.isNaN(values[order[nonNull - 1]!]!)) nonNull--;
  const nullCount = n - nonNull;
  const sorted = new Float64Array(nonNull);
  for (let i = 0; i < nonNull; i++) sorted[i] = values[order[i]!]!;

  const params: PercentileParams = { kind: 'percentile', descending, nulls, nullCount, sorted };
  const denominator = rowsRanked(params) - 1;
  const offset = nulls === 'first' ? nullCount : 0;
  const unit = new Float64Array(n);
  let start = 0;
  while (start < nonNull) {
    let end = start + 1;
    while (end < nonNull && sorted[end] === sorted[start]) end++;
    const before = offset + (descending ? nonNull - end : start);
    const score = denominator > 0 ? before / denominator : 0;
    for (let i = start; i < end; i++) unit[order[i]!] = score;
    start = end;
  }
  const nullScore = percentileOfNull(params);
  for (let i = nonNull; i < n; i++) unit[order[i]!] = nullScore;
  return { params, unit };
}

function rowsRanked(p: PercentileParams): number {
  return p.sorted.length + (p.nulls === 'policy' ? 0 : p.nullCount);
}

function percentileOfNull(p: PercentileParams): number {
  if (p.nulls === 'policy') return Number.NaN;
  const denominator = rowsRanked(p) - 1;
  if (denominator <= 0 || p.nulls === 'first') return 0;
  return p.sorted.length / denominator;
}

/** Score of one value against fitted breakpoints; equals the batch score for every member of the population. */
export function scorePercentile(p: PercentileParams, value: number): number {
  if (Number.isNaN(value)) return percentileOfNull(p);
  const denominator = rowsRanked(p) - 1;
  if (denominator <= 0) return 0;
  const offset = p.nulls === 'first' ? p.nullCount : 0;
  const before = p.descending ? p.sorted.length - upperBound(p.sorted, value) : lowerBound(p.sorted, value);
  // A value beyond every fitted one passes the customer's own old value too; the scale still ends at 1.
  return Math.min(1, (offset + before) / denominator);
}

/** Number of sorted values strictly below `value`. */
export function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of sorted values at or below `value`. */
export function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
