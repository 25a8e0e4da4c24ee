import { decimalGrid, gridKey } from './keys.js';
import { argsort, type NullPlacement } from './radix.js';

/**
 * The rows at a few positions of a ranking, without ranking everybody: graders that cut a ranking into
 * quota or tile groups need only the last member of each group. The ranking is the one
 * `argsort(values, { descending, nulls, initialOrder: byId })` gives — value order, NULLs together at one end,
 * ties by customer id (then row, for equal ids).
 *
 * Values are spread over buckets monotonically — one per value on a narrow decimal grid, else by linear
 * interpolation between the smallest and largest value — so whole buckets rank before or after each other.
 * A wanted position in a one-value bucket (or among the NULLs) is a tie ranked by customer id, found walking
 * the rows in id order; other wanted buckets are collected and sorted exactly. Values that crowd into a few
 * interpolated buckets fall back to the full sort.
 */
export interface SelectOrder {
  readonly descending: boolean;
  readonly nulls: NullPlacement;
}

/** Buckets are 1…BUCKETS, with 0 or BUCKETS + 1 for NULL: `BUCKET_RANGE` values in all. */
const BUCKETS = 1 << 16;
export const BUCKET_RANGE = BUCKETS + 2;
const MAX_CANDIDATES = 1 << 16;

export interface Selection {
  /** The row at each wanted position. */
  readonly rows: Int32Array;
  /**
   * Each row's bucket, monotone in the ranking: rows of a lower bucket rank before every row of a higher one.
   * Absent when the selection fell back to sorting.
   */
  readonly buckets?: Int32Array | undefined;
}

export function selectPositions(
  values: Float64Array,
  positions: readonly number[],
  order: SelectOrder,
  ids: ArrayLike<number>,
  byId: Int32Array,
): Selection {
  const n = values.length;
  const buckets = new Int32Array(n);
  const nullBucket = order.nulls === 'first' ? 0 : BUCKETS + 1;
  const mode = fillBuckets(values, order, nullBucket, buckets);
  if (mode === undefined) return { rows: bySorting(values, positions, order, byId) };
  const starts = bucketStarts(buckets);

  const result = new Int32Array(positions.length);
  // Buckets holding one value (or the NULLs) are tie groups, ranked by customer id alone: the wanted offsets
  // are found walking the rows in id order. Other wanted buckets are collected and sorted.
  const tieWanted = new Uint8Array(BUCKETS + 2);
  const sortWanted = new Uint8Array(BUCKETS + 2);
  let candidates = 0;
  const at = positions.map((p) => {
    const b = bucketAt(starts, p);
    if (mode === 'single-value' || b === nullBucket) tieWanted[b] = 1;
    else if (!sortWanted[b]) {
      sortWanted[b] = 1;
      candidates += starts[b + 1]! - starts[b]!;
    }
    return { bucket: b, offset: p - starts[b]! };
  });
  if (candidates > MAX_CANDIDATES) return { rows: bySorting(values, positions, order, byId) };
  if (tieWanted.includes(1)) walkTies(buckets, byId, tieWanted, at, result);
  if (candidates > 0) {
    const lists = collectWanted(buckets, sortWanted);
    const sign = order.descending ? -1 : 1;
    const ranked = (a: number, b: number) => {
      const x = values[a]!;
      const y = values[b]!;
      if (x < y) return -sign;
      if (x > y) return sign;
      return ids[a]! - ids[b]! || a - b;
    };
    for (const list of lists.values()) list.sort(ranked);
    at.forEach(({ bucket, offset }, k) => {
      if (sortWanted[bucket]) result[k] = lists.get(bucket)![offset]!;
    });
  }
  return { rows: result, buckets };
}

// Each pass over the rows is a function of its own, so that V8's optimised code for one loop is not thrown
// away on reaching code after it that has not run yet.

function bucketStarts(buckets: Int32Array): Int32Array {
  const starts = new Int32Array(BUCKETS + 3);
  for (let i = 0; i < buckets.length; i++) starts[buckets[i]! + 1]!++;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  return starts;
}

interface WantedOffset {
  readonly bucket: number;
  readonly offset: number;
}

/** Fills `result` for wanted positions inside tie buckets, walking the rows in customer-id order. */
function walkTies(
  buckets: Int32Array,
  byId: Int32Array,
  tieWanted: Uint8Array,
  at: readonly WantedOffset[],
  result: Int32Array,
): void {
  const seen = new Int32Array(BUCKETS + 2);
  for (let q = 0; q < byId.length; q++) {
    const row = byId[q]!;
    const b = buckets[row]!;
    if (!tieWanted[b]) continue;
    const offset = seen[b]!++;
    for (let k = 0; k < at.length; k++) if (at[k]!.bucket === b && at[k]!.offset === offset) result[k] = row;
  }
}

function collectWanted(buckets: Int32Array, sortWanted: Uint8Array): Map<number, number[]> {
  const lists = new Map<number, number[]>();
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i]!;
    if (!sortWanted[b]) continue;
    const list = lists.get(b);
    if (list) list.push(i);
    else lists.set(b, [i]);
  }
  return lists;
}

/**
 * Writes a monotone bucket per row (1…BUCKETS in ranking order, `nullBucket` for NULL): one bucket per grid
 * key on a narrow decimal grid ('single-value'), else by linear interpolation between the smallest and largest
 * value ('spread'); undefined when neither applies (infinities, no values).
 */
function fillBuckets(
  values: Float64Array,
  order: SelectOrder,
  nullBucket: number,
  buckets: Int32Array,
): 'single-value' | 'spread' | undefined {
  const descending = order.descending;
  const grid = decimalGrid(values);
  if (grid && grid.max - grid.min < BUCKETS) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      const k = gridKey(grid, v);
      buckets[i] = v !== v ? nullBucket : 1 + (descending ? BUCKETS - 1 - k : k);
    }
    return 'single-value';
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  const scale = span > 0 ? (BUCKETS - 1) / span : 0;
  if (!Number.isFinite(span) || !Number.isFinite(scale)) return undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const b = Math.min(BUCKETS - 1, Math.floor((v - min) * scale));
    buckets[i] = v !== v ? nullBucket : 1 + (descending ? BUCKETS - 1 - b : b);
  }
  return 'spread';
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
