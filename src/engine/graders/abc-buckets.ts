import { argsort } from '../sort/radix.js';

/**
 * ABC classes of the positive values without ranking every customer. A customer's class depends only on the
 * amount ranked before it, so the positive values are spread over buckets monotone in value (by the high word
 * of the double, a logarithmic spread that suits skewed money) and each bucket's amount is summed. A bucket
 * whose first and last possible "amount before" fall in one class is graded whole; only the few buckets
 * straddling a class limit are ranked exactly (value desc, customer id, row). Amounts must be integers with
 * an exact total (integer cents under 2⁵³), so that summing by bucket gives the same sums as summing in rank
 * order. Zero, negative and NULL values get the last class. Undefined when the straddling buckets hold too
 * many customers (values crowded into a few buckets): rank everybody instead.
 */
export interface BucketGrading {
  readonly grades: Int32Array;
  /** Amount of each class. */
  readonly classTotals: number[];
}

const BUCKETS = 1 << 16;
const MAX_STRADDLING = 1 << 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;

export function gradeAbcByBuckets(
  values: Float64Array,
  amount: (value: number) => number,
  classOf: (before: number) => number,
  classes: number,
  byId: Int32Array,
): BucketGrading | undefined {
  const n = values.length;
  const last = classes - 1;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let low = 0xffffffff;
  let high = 0;
  for (let i = 0; i < n; i++) {
    if (!(values[i]! > 0)) continue;
    const h = words[2 * i + HI]!;
    if (h < low) low = h;
    if (h > high) high = h;
  }
  let shift = 0;
  while (high >= low && (high - low) >>> shift >= BUCKETS) shift++;
  // Bucket 0 holds the largest values: buckets run in rank order.
  const top = high >= low ? (high - low) >>> shift : 0;
  const bucketOf = (row: number) => top - ((words[2 * row + HI]! - low) >>> shift);

  const counts = new Int32Array(top + 1);
  const sums = new Float64Array(top + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!(v > 0)) continue;
    const b = bucketOf(i);
    counts[b]!++;
    sums[b]! += amount(v);
  }
  const classTotals = new Array<number>(classes).fill(0);
  const beforeStart = new Float64Array(top + 1);
  // −1: the bucket straddles a class limit and is ranked exactly.
  const bucketClass = new Int32Array(top + 1);
  let before = 0;
  let straddling = 0;
  for (let b = 0; b <= top; b++) {
    beforeStart[b] = before;
    const first = classOf(before);
    before += sums[b]!;
    if (first === classOf(before)) {
      bucketClass[b] = first;
      classTotals[first]! += sums[b]!;
    } else {
      bucketClass[b] = -1;
      straddling += counts[b]!;
    }
  }
  if (straddling > MAX_STRADDLING) return undefined;

  const grades = new Int32Array(n);
  for (let i = 0; i < n; i++) grades[i] = values[i]! > 0 ? bucketClass[bucketOf(i)]! : last;
  if (straddling > 0) {
    // Collected in customer-id order, so that the stable sort breaks value ties by id as the ranking does.
    const members = new Int32Array(straddling);
    let m = 0;
    for (let q = 0; q < n; q++) {
      const row = byId[q]!;
      if (grades[row] === -1) members[m++] = row;
    }
    const ranked = argsort(
      Float64Array.from(members, (row) => values[row]!),
      { descending: true },
    );
    let bucket = -1;
    for (let r = 0; r < ranked.length; r++) {
      const row = members[ranked[r]!]!;
      const b = bucketOf(row);
      if (b !== bucket) {
        bucket = b;
        before = beforeStart[b]!;
      }
      const g = classOf(before);
      grades[row] = g;
      const a = amount(values[row]!);
      classTotals[g]! += a;
      before += a;
    }
  }
  return { grades, classTotals };
}
