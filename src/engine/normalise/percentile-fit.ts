import { decimalGrid, gridKey, type DecimalGrid } from '../sort/keys.js';
import { argsortWithValues } from '../sort/radix.js';
import { nullsBefore, percentileOfNull, rowsRanked, type PercentileParams } from './percentile.js';

interface FittedPercentile {
  readonly params: PercentileParams;
  readonly unit: Float64Array;
}

/**
 * Fits percentile ranks to a column. Values on a narrow decimal grid (days, counts, growth in basis points)
 * are ranked by counting each grid key, with no sort; the rest by a radix argsort. Both give every tie group
 * the same score, (offset + rows strictly before it) / (rows − 1), and the same ascending breakpoints.
 */
export function fitPercentile(
  values: Float64Array,
  descending: boolean,
  nulls: PercentileParams['nulls'],
): FittedPercentile {
  const grid = decimalGrid(values);
  if (grid && grid.max - grid.min < Math.max(COUNTING_RANGE, values.length >>> 2))
    return fitByCounting(values, grid, descending, nulls);
  return fitBySorting(values, grid ?? false, descending, nulls);
}

/** Grid ranges up to this many keys are always counted: the table stays in cache. */
const COUNTING_RANGE = 1 << 16;

function fitBySorting(
  values: Float64Array,
  grid: DecimalGrid | false,
  descending: boolean,
  nulls: PercentileParams['nulls'],
): FittedPercentile {
  const n = values.length;
  const { order, sorted: all } = argsortWithValues(values, { nulls: 'last', grid });
  let nonNull = n;
  while (nonNull > 0 && Number.isNaN(all[nonNull - 1]!)) nonNull--;
  const nullCount = n - nonNull;
  const sorted = all.subarray(0, nonNull);
  const params: PercentileParams = { kind: 'percentile', descending, nulls, nullCount, sorted };
  const denominator = rowsRanked(params) - 1;
  const offset = nullsBefore(params);
  const unit = new Float64Array(n);
  scoreTieGroups(sorted, order, { offset, denominator, descending }, unit);
  const nullScore = percentileOfNull(params);
  for (let i = nonNull; i < n; i++) unit[order[i]!] = nullScore;
  return { params, unit };
}

// The loops of the fits live in functions of their own: V8 optimises a long loop while it runs, and code
// after it that has not yet run would send the whole function back to the interpreter.

interface Ranking {
  readonly offset: number;
  readonly denominator: number;
  readonly descending: boolean;
}

function scoreTieGroups(sorted: Float64Array, order: Int32Array, ranking: Ranking, unit: Float64Array): void {
  const { offset, denominator, descending } = ranking;
  const nonNull = sorted.length;
  let start = 0;
  while (start < nonNull) {
    let end = start + 1;
    while (end < nonNull && sorted[end] === sorted[start]) end++;
    const before = offset + (descending ? nonNull - end : start);
    const score = denominator > 0 ? before / denominator : 0;
    for (let i = start; i < end; i++) unit[order[i]!] = score;
    start = end;
  }
}

function fitByCounting(
  values: Float64Array,
  grid: DecimalGrid,
  descending: boolean,
  nulls: PercentileParams['nulls'],
): FittedPercentile {
  const n = values.length;
  const keys = grid.max - grid.min + 1;
  const counts = new Int32Array(keys);
  const { nullCount, negativeZero } = countKeys(values, grid, counts);
  const sorted = new Float64Array(n - nullCount);
  const params: PercentileParams = { kind: 'percentile', descending, nulls, nullCount, sorted };
  const denominator = rowsRanked(params) - 1;
  const offset = nullsBefore(params);
  const scoreOfKey = new Float64Array(keys);
  let start = 0;
  for (let k = 0; k < keys; k++) {
    const count = counts[k]!;
    if (count === 0) continue;
    // The value itself: on the grid, K / scale gives it back exactly.
    sorted.fill((k + grid.min) / grid.scale, start, start + count);
    const before = offset + (descending ? sorted.length - start - count : start);
    scoreOfKey[k] = denominator > 0 ? before / denominator : 0;
    start += count;
  }
  if (negativeZero) keepSignedZeros(values, grid, counts, sorted);
  const nullScore = percentileOfNull(params);
  return { params, unit: scoreByKey(values, grid, scoreOfKey, nullScore) };
}

function countKeys(values: Float64Array, grid: DecimalGrid, counts: Int32Array) {
  let nullCount = 0;
  let negativeZero = false;
  // Every operation runs for every non-NULL value, so that the optimised loop meets no operation it has
  // no type feedback for (a first −0 or a key rounding to −0 would send it back to the interpreter).
  // On the grid |v| ≥ 1/scale unless v is ±0, so 1/v is −∞ for −0 only; `| 0` turns a −0 key into 0.
  const { scale, min } = grid;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) nullCount++;
    else {
      counts[(Math.round(v * scale) - min) | 0]!++;
      if (1 / v === Number.NEGATIVE_INFINITY) negativeZero = true;
    }
  }
  return { nullCount, negativeZero };
}

function scoreByKey(values: Float64Array, grid: DecimalGrid, scoreOfKey: Float64Array, nullScore: number) {
  const { scale, min } = grid;
  const unit = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    unit[i] = v !== v ? nullScore : scoreOfKey[(Math.round(v * scale) - min) | 0]!;
  }
  return unit;
}

/** Breakpoints keep −0 and 0 in row order within their tie group, exactly as the stable sort stores them. */
function keepSignedZeros(values: Float64Array, grid: DecimalGrid, counts: Int32Array, sorted: Float64Array) {
  const zeroKey = gridKey(grid, 0);
  let at = 0;
  for (let k = 0; k < zeroKey; k++) at += counts[k]!;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) sorted[at++] = values[i]!;
}
