import { argsort, type NullPlacement } from './radix.js';

/**
 * The rows at a few positions of a ranking, without ranking everybody: graders that cut a ranking into
 * quota or tile groups need only the last member of each group. The ranking is the one
 * `argsort(values, { descending, nulls, initialOrder: byId })` gives — value order, NULLs together at one end,
 * ties by customer id (then row, for equal ids).
 *
 * Values are spread over buckets by linear interpolation between the smallest and largest value, which is
 * monotone, so whole buckets rank before or after each other; only the buckets holding a wanted position are
 * collected and sorted exactly. Values that crowd into a few buckets (heavy ties) fall back to the full sort.
 */
export interface SelectOrder {
  readonly descending: boolean;
  readonly nulls: NullPlacement;
}

const BUCKETS = 1 << 16;
const MAX_CANDIDATES = 1 << 16;

export function rowsAtPositions(
  values: Float64Array,
  positions: readonly number[],
  order: SelectOrder,
  ids: ArrayLike<number>,
  byId: Int32Array,
): Int32Array {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  const scale = span > 0 ? (BUCKETS - 1) / span : 0;
  if (!Number.isFinite(span) || !Number.isFinite(scale)) return bySorting(values, positions, order, byId);
  // Bucket 0 or BUCKETS + 1 holds the NULLs; values fill 1…BUCKETS in ranking order.
  const nullBucket = order.nulls === 'first' ? 0 : BUCKETS + 1;
  const bucketOf = (v: number): number => {
    if (v !== v) return nullBucket;
    const b = Math.min(BUCKETS - 1, Math.floor((v - min) * scale));
    return 1 + (order.descending ? BUCKETS - 1 - b : b);
  };
  const starts = new Int32Array(BUCKETS + 3);
  for (let i = 0; i < n; i++) starts[bucketOf(values[i]!) + 1]!++;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;

  const wanted = new Uint8Array(BUCKETS + 2);
  let candidates = 0;
  for (const p of positions) {
    const b = bucketAt(starts, p);
    if (!wanted[b]) candidates += starts[b + 1]! - starts[b]!;
    wanted[b] = 1;
  }
  if (candidates > MAX_CANDIDATES) return bySorting(values, positions, order, byId);

  const rows = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const b = bucketOf(values[i]!);
    if (!wanted[b]) continue;
    const list = rows.get(b);
    if (list) list.push(i);
    else rows.set(b, [i]);
  }
  const sign = order.descending ? -1 : 1;
  const ranked = (a: number, b: number) => {
    const x = values[a]!;
    const y = values[b]!;
    if (x < y) return -sign;
    if (x > y) return sign;
    return ids[a]! - ids[b]! || a - b;
  };
  for (const list of rows.values()) list.sort(ranked);
  return Int32Array.from(positions, (p) => {
    const b = bucketAt(starts, p);
    return rows.get(b)![p - starts[b]!]!;
  });
}

/** The bucket whose range of positions [starts[b], starts[b + 1]) holds position p. */
function bucketAt(starts: Int32Array, p: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function bySorting(
  values: Float64Array,
  positions: readonly number[],
  order: SelectOrder,
  byId: Int32Array,
): Int32Array {
  const ranking = argsort(values, { ...order, initialOrder: byId });
  return Int32Array.from(positions, (p) => ranking[p]!);
}
