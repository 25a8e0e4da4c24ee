import { decimalGrid, gridKey, highKey, type DecimalGrid } from './keys.js';
import { argsort, type NullPlacement } from './radix.js';

/**
 * The rows at a few positions of a ranking, without ranking everybody: graders that cut a ranking into
 * quota or tile groups need only the last member of each group. The ranking is the one
 * `argsort(values, { descending, nulls, initialOrder: byId })` gives — value order, NULLs together at one end,
 * ties by customer id (then row, for equal ids).
 *
 * Values are spread over buckets monotonically — one per value on a narrow decimal grid, else by the high
 * word of their bit pattern — so whole buckets rank before or after each other.
 * A wanted position in a one-value bucket (or among the NULLs) is a tie ranked by customer id, found walking
 * the rows in id order; other wanted buckets are collected and sorted exactly. Values that crowd into a few
 * buckets fall back to the full sort.
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

/**
 * Fills `result` for wanted positions inside tie buckets, walking the rows in customer-id order: each row
 * checks only the next wanted offset of its bucket, and the walk stops once every wanted row is found.
 */
function walkTies(
  buckets: Int32Array,
  byId: Int32Array,
  tieWanted: Uint8Array,
  at: readonly WantedOffset[],
  result: Int32Array,
): void {
  const ks = Array.from(at.keys())
    .filter((k) => tieWanted[at[k]!.bucket])
    .sort((x, y) => at[x]!.bucket - at[y]!.bucket || at[x]!.offset - at[y]!.offset);
  const wanted: WantedTies = {
    bucket: Int32Array.from(ks, (k) => at[k]!.bucket),
    offset: Int32Array.from(ks, (k) => at[k]!.offset),
    position: Int32Array.from(ks),
  };
  // Index into `wanted` of each bucket's next wanted offset, and that offset (−1: none left).
  const next = new Int32Array(BUCKETS + 2);
  const nextOffset = new Int32Array(BUCKETS + 2).fill(-1);
  for (let j = ks.length - 1; j >= 0; j--) {
    next[wanted.bucket[j]!] = j;
    nextOffset[wanted.bucket[j]!] = wanted.offset[j]!;
  }
  walkRowsById(buckets, byId, wanted, next, nextOffset, result);
}

/** Wanted (bucket, offset) pairs ordered by bucket then offset, with the index of the position each answers. */
interface WantedTies {
  readonly bucket: Int32Array;
  readonly offset: Int32Array;
  readonly position: Int32Array;
}

function walkRowsById(
  buckets: Int32Array,
  byId: Int32Array,
  wanted: WantedTies,
  next: Int32Array,
  nextOffset: Int32Array,
  result: Int32Array,
): void {
  const { bucket, offset: wantedOffset, position } = wanted;
  const seen = new Int32Array(BUCKETS + 2);
  let remaining = bucket.length;
  for (let q = 0; q < byId.length && remaining > 0; q++) {
    const row = byId[q]!;
    const b = buckets[row]!;
    const offset = nextOffset[b]!;
    if (offset < 0 || seen[b]!++ !== offset) continue;
    let j = next[b]!;
    for (; j < bucket.length && bucket[j] === b && wantedOffset[j] === offset; j++, remaining--)
      result[position[j]!] = row;
    next[b] = j;
    nextOffset[b] = j < bucket.length && bucket[j] === b ? wantedOffset[j]! : -1;
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
 * key on a narrow decimal grid ('single-value'), else by the high word of the bit pattern, magnitudes far
 * below the largest together, shifted to fit ('spread'); undefined when there are no values.
 */
function fillBuckets(
  values: Float64Array,
  order: SelectOrder,
  nullBucket: number,
  buckets: Int32Array,
): 'single-value' | 'spread' | undefined {
  const grid = decimalGrid(values);
  if (grid && grid.max - grid.min < BUCKETS) {
    fillGridBuckets(values, grid, order.descending, nullBucket, buckets);
    return 'single-value';
  }
  const spread = spreadOf(values);
  if (!spread) return undefined;
  fillSpreadBuckets(values, spread, order.descending, nullBucket, buckets);
  return 'spread';
}

function fillGridBuckets(
  values: Float64Array,
  grid: DecimalGrid,
  descending: boolean,
  nullBucket: number,
  buckets: Int32Array,
): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const k = gridKey(grid, v);
    buckets[i] = v !== v ? nullBucket : 1 + (descending ? BUCKETS - 1 - k : k);
  }
}

/**
 * Magnitudes this many octaves below the largest share the bucket of zero: without the floor, one customer at
 * exactly 0 beside scores of 1–100 would stretch the keys over a thousand empty octaves and crowd every
 * populated one into a few buckets.
 */
const OCTAVES = 40;

/** High keys with the keys of magnitudes under the floor squeezed into one, and the shift that fits them. */
interface Spread {
  readonly low: number;
  readonly zeroLow: number;
  readonly zeroHigh: number;
  readonly shift: number;
}

/**
 * High keys (`highKey`, logarithmic: skewed money spreads over many buckets where it crowds) with keys at or
 * below `zeroLow` kept, keys at or above `zeroHigh` closing the gap, and keys between becoming `zeroLow`.
 */
const squeezed = (k: number, zeroLow: number, zeroHigh: number): number =>
  k <= zeroLow ? k : k >= zeroHigh ? k - (zeroHigh - zeroLow) : zeroLow;

/** The spread of the non-NaN values; undefined when every value is NaN. */
function spreadOf(values: Float64Array): Spread | undefined {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    const k = highKey(v);
    if (k < low) low = k;
    if (k > high) high = k;
    if (Math.abs(v) > largest) largest = Math.abs(v);
  }
  if (!(low <= high)) return undefined;
  const floor = Number.isFinite(largest) ? largest * 2 ** -OCTAVES : Number.MAX_VALUE * 2 ** -OCTAVES;
  const zeroLow = highKey(-floor);
  const zeroHigh = highKey(floor);
  const from = squeezed(low, zeroLow, zeroHigh);
  const span = squeezed(high, zeroLow, zeroHigh) - from;
  let shift = 0;
  while (span / 2 ** shift >= BUCKETS) shift++;
  return { low: from, zeroLow, zeroHigh, shift };
}

function fillSpreadBuckets(
  values: Float64Array,
  spread: Spread,
  descending: boolean,
  nullBucket: number,
  buckets: Int32Array,
): void {
  const { low, zeroLow, zeroHigh, shift } = spread;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const b = (squeezed(highKey(v), zeroLow, zeroHigh) - low) >>> shift;
    buckets[i] = v !== v ? nullBucket : 1 + (descending ? BUCKETS - 1 - b : b);
  }
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
