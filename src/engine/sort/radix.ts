import { decimalGrid, gridKey, HI, LO, type DecimalGrid } from './keys.js';

/**
 * LSD radix argsort over float64 values. Built-in comparison sorts cost ~4 s per million-row ranking pass;
 * this sorts order-preserving unsigned keys in at most six 11-bit passes, skipping passes whose digit is the
 * same for every key. Values on a decimal grid (counts, days, cents) are keyed by their narrow grid integer
 * (one pass for days, three for money); other values by their IEEE-754 bit pattern.
 * Every pass is stable, so keys that compare equal keep the order of `initialOrder`: pass the population
 * sorted by customer id and ties come out broken by customer id, as the reference SQL requires.
 */

export type NullPlacement = 'first' | 'last';

export interface ArgsortOptions {
  readonly descending?: boolean;
  /** Where NaN (SQL NULL) goes in the output order; NaNs compare equal to each other. */
  readonly nulls?: NullPlacement;
  /** Permutation to start from; equal keys keep this relative order. Defaults to the identity. */
  readonly initialOrder?: Int32Array;
  /**
   * The values' `decimalGrid`, when the caller has already scanned for it (`false`: not on a grid); a scan
   * of a million values costs as much as a radix pass.
   */
  readonly grid?: DecimalGrid | false;
}

/**
 * Bits per radix digit. Bit-pattern keys fill two 32-bit words, read as 11 + 11 + 10 bits each. Grid keys
 * (under 2⁴⁴) are split into two 24-bit words read as 12 + 12 bits, so that money in cents up to ¥10⁸
 * (34 bits) takes three passes rather than four; the third digit of a 24-bit word is always 0 and skipped.
 */
const BIT_DIGITS = 11;
const GRID_DIGITS = 12;
const GRID_WORD = 2 ** 24;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/**
 * The sort moves each element's key words and row together, interleaved in one array: [lo, hi, row]
 * (stride 3), or [lo, row] (stride 2) when every key fits the low word. A pass then writes one stream per
 * bucket instead of one per array, which on a million rows makes each pass about a third faster.
 */
type Stride = 2 | 3;

/** Values to key, read in `initialOrder`'s sequence (or the identity's), and where their keys go. */
interface KeyJob {
  readonly values: Float64Array;
  readonly initialOrder: Int32Array | undefined;
  readonly descending: boolean;
  readonly nulls: NullPlacement;
  readonly packed: Uint32Array;
}

const rowAt = (initialOrder: Int32Array | undefined, i: number): number =>
  initialOrder ? initialOrder[i]! : i;

function fillBitKeys({ values, initialOrder, descending, nulls, packed }: KeyJob, n: number): void {
  // NaN gets the extreme key of its side; the later complement for descending order must not move it.
  const nanHi = (nulls === 'last') !== descending ? 0xffffffff : 0;
  const flip = descending ? 0xffffffff : 0;
  for (let i = 0; i < n; i++) {
    const row = rowAt(initialOrder, i);
    const v = values[row]!;
    const at = 3 * i;
    packed[at + 2] = row;
    if (v !== v) {
      packed[at] = nanHi ^ flip;
      packed[at + 1] = nanHi ^ flip;
      continue;
    }
    scratch[0] = v === 0 ? 0 : v; // -0 and 0 are equal in SQL and must tie
    let h = scratchWords[HI]!;
    let l = scratchWords[LO]!;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    packed[at] = (l ^ flip) >>> 0;
    packed[at + 1] = (h ^ flip) >>> 0;
  }
}

/** Grid keys 1…range+1 for values (reversed when descending), 0 or range+2 for NaN. */
function gridKeyOf(grid: DecimalGrid, descending: boolean, nanKey: number, v: number): number {
  const range = grid.max - grid.min;
  return v !== v ? nanKey : 1 + (descending ? range - gridKey(grid, v) : gridKey(grid, v));
}

const nanGridKey = (grid: DecimalGrid, nulls: NullPlacement) =>
  nulls === 'first' ? 0 : grid.max - grid.min + 2;

/** Whether every grid key fits the low word, so that the sort carries [lo, row] only. */
const narrowGrid = (grid: DecimalGrid) => grid.max - grid.min + 2 < GRID_WORD;

function fillNarrowGridKeys(job: KeyJob, grid: DecimalGrid, n: number): void {
  const { values, initialOrder, descending, nulls, packed } = job;
  const nanKey = nanGridKey(grid, nulls);
  for (let i = 0; i < n; i++) {
    const row = rowAt(initialOrder, i);
    packed[2 * i] = gridKeyOf(grid, descending, nanKey, values[row]!);
    packed[2 * i + 1] = row;
  }
}

function fillWideGridKeys(job: KeyJob, grid: DecimalGrid, n: number): void {
  const { values, initialOrder, descending, nulls, packed } = job;
  const nanKey = nanGridKey(grid, nulls);
  for (let i = 0; i < n; i++) {
    const row = rowAt(initialOrder, i);
    const key = gridKeyOf(grid, descending, nanKey, values[row]!);
    const high = Math.floor(key / GRID_WORD);
    packed[3 * i] = key - high * GRID_WORD;
    packed[3 * i + 1] = high;
    packed[3 * i + 2] = row;
  }
}

/**
 * Interleaved buffers reused between calls: a million-row sort needs ~24 MB of scratch, and allocating it
 * per call costs zero-filling, page faults and garbage collection. Never handed out: argsort returns a fresh
 * permutation.
 */
let pool: [Uint32Array, Uint32Array] | undefined;

function buffersFor(n: number, stride: Stride): [Uint32Array, Uint32Array] {
  if (!pool || pool[0].length < 3 * n) pool = [new Uint32Array(3 * n), new Uint32Array(3 * n)];
  return [pool[0].subarray(0, stride * n), pool[1].subarray(0, stride * n)];
}

interface Pass {
  /** 0: the low word, 1: the high word. */
  readonly word: 0 | 1;
  readonly shift: number;
  readonly mask: number;
  /** Bucket start offsets of the pass's digit. */
  readonly starts: Int32Array;
}

export function argsort(values: Float64Array, options: ArgsortOptions = {}): Int32Array {
  const n = values.length;
  const sortedKeys = sortByKeys(values, options);
  if (!sortedKeys) return options.initialOrder ? options.initialOrder.slice() : identity(n);
  const { packed, stride } = sortedKeys;
  const order = new Int32Array(n);
  for (let i = 0, at = stride - 1; i < n; i++, at += stride) order[i] = packed[at]!;
  return order;
}

/**
 * `argsort`, and the values in that order decoded from the sorted keys in the same pass: read in sequence
 * instead of gathered by the permutation, which on a million rows is a cache miss per row. −0 is looked up,
 * as its key is 0's.
 */
export function argsortWithValues(
  values: Float64Array,
  options: ArgsortOptions = {},
): { order: Int32Array; sorted: Float64Array } {
  const sortedKeys = sortByKeys(values, options);
  if (!sortedKeys) {
    const order = argsort(values, options);
    return { order, sorted: Float64Array.from(order, (row) => values[row]!) };
  }
  const order = new Int32Array(values.length);
  const sorted = new Float64Array(values.length);
  const descending = options.descending ?? false;
  const nulls = options.nulls ?? 'last';
  if (sortedKeys.grid) decodeGridKeys(sortedKeys, sortedKeys.grid, { descending, nulls }, order, sorted);
  else decodeBitKeys(sortedKeys.packed, { descending, nulls }, order, sorted);
  if (hasNegativeZero(values))
    for (let i = 0; i < sorted.length; i++) if (sorted[i] === 0) sorted[i] = values[order[i]!]!;
  return { order, sorted };
}

/** A sequential scan, far cheaper than looking up every zero of a column full of them by its row. */
function hasNegativeZero(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === 0 && 1 / values[i]! < 0) return true;
  return false;
}

/** Sorted interleaved keys, and how to read them back as values. */
interface SortedKeys {
  readonly packed: Uint32Array;
  readonly stride: Stride;
  readonly grid: DecimalGrid | false;
}

/** The interleaved keys sorted (undefined when fewer than two values leave nothing to sort). */
function sortByKeys(values: Float64Array, options: ArgsortOptions): SortedKeys | undefined {
  const n = values.length;
  if (n < 2) return undefined;
  const grid = options.grid ?? decimalGrid(values) ?? false;
  const stride: Stride = grid && narrowGrid(grid) ? 2 : 3;
  let [packed, next] = buffersFor(n, stride);
  const job: KeyJob = {
    values,
    initialOrder: options.initialOrder,
    descending: options.descending ?? false,
    nulls: options.nulls ?? 'last',
    packed,
  };
  if (!grid) fillBitKeys(job, n);
  else if (stride === 2) fillNarrowGridKeys(job, grid, n);
  else fillWideGridKeys(job, grid, n);
  const digitBits = grid ? GRID_DIGITS : BIT_DIGITS;
  const run = (passes: readonly Pass[]) => {
    for (const pass of passes) {
      if (stride === 2) scatterPairs(packed, next, pass);
      else scatterTriples(packed, next, pass);
      [packed, next] = [next, packed];
    }
  };
  const hiPasses = stride === 2 || constantHigh(packed) ? [] : digitPasses(packed, stride, 1, digitBits);
  // Continuous doubles rarely share the high word of their bit pattern: sorting by it and then ordering the
  // short runs of equal high words by the low word saves the low word's three passes (and its count). Long
  // runs (values crowded within one high word) go on to the full sort, which is stable, so starting from the
  // order by high word it still leaves equal keys in their initial order.
  if (!grid && hiPasses.length > 0) {
    run(hiPasses);
    if (!sortShortRunsByLo(packed))
      run([...digitPasses(packed, stride, 0, digitBits), ...digitPasses(packed, stride, 1, digitBits)]);
  } else run([...digitPasses(packed, stride, 0, digitBits), ...hiPasses]);
  return { packed, stride, grid };
}

interface KeyOrder {
  readonly descending: boolean;
  readonly nulls: NullPlacement;
}

/** Rows, and the values whose grid keys the fill wrote (NaN for a NULL's key), in the keys' order. */
function decodeGridKeys(
  { packed, stride }: SortedKeys,
  grid: DecimalGrid,
  { descending, nulls }: KeyOrder,
  order: Int32Array,
  out: Float64Array,
): void {
  const range = grid.max - grid.min;
  const nanKey = nanGridKey(grid, nulls);
  const wide = stride === 3;
  for (let i = 0, at = 0; i < out.length; i++, at += stride) {
    const key = wide ? packed[at + 1]! * GRID_WORD + packed[at]! : packed[at]!;
    order[i] = packed[at + stride - 1]!;
    const k = descending ? range - (key - 1) : key - 1;
    out[i] = key === nanKey ? Number.NaN : (k + grid.min) / grid.scale;
  }
}

/** Rows, and the values whose bit-pattern keys the fill wrote, in the keys' order. */
function decodeBitKeys(
  packed: Uint32Array,
  { descending, nulls }: KeyOrder,
  order: Int32Array,
  out: Float64Array,
) {
  const nanHi = (nulls === 'last') !== descending ? 0xffffffff : 0;
  const flip = descending ? 0xffffffff : 0;
  for (let i = 0, at = 0; i < out.length; i++, at += 3) {
    let l = (packed[at]! ^ flip) >>> 0;
    let h = (packed[at + 1]! ^ flip) >>> 0;
    order[i] = packed[at + 2]!;
    if (h === nanHi && l === nanHi) {
      out[i] = Number.NaN;
      continue;
    }
    if (h & 0x80000000) h = (h & 0x7fffffff) >>> 0;
    else {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    scratchWords[HI] = h;
    scratchWords[LO] = l;
    out[i] = scratch[0]!;
  }
}

const LONGEST_RUN = 64;

/**
 * Orders each run of equal high words by the low word, stably (insertion sort), in stride-3 keys; false when
 * a run longer than `LONGEST_RUN` is not already in order. A long run in order is most often one value
 * repeated — the zeros of days late, the NULLs of growth — which insertion sort passes over in one comparison
 * each; before, one such run sent the whole column to the six-pass sort. The runs ordered before giving up
 * are harmless: each is ordered stably by the key, as the full sort that follows orders it again.
 */
function sortShortRunsByLo(packed: Uint32Array): boolean {
  const n = packed.length / 3;
  for (let a = 0; a < n;) {
    let b = a + 1;
    while (b < n && packed[3 * b + 1] === packed[3 * a + 1]) b++;
    if (b - a > LONGEST_RUN) {
      if (!lowWordsAscending(packed, a, b)) return false;
    } else insertionSortByLo(packed, a, b);
    a = b;
  }
  return true;
}

function insertionSortByLo(packed: Uint32Array, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    const key = packed[3 * i]!;
    const row = packed[3 * i + 2]!;
    let j = i - 1;
    while (j >= a && packed[3 * j]! > key) {
      packed[3 * j + 3] = packed[3 * j]!;
      packed[3 * j + 5] = packed[3 * j + 2]!;
      j--;
    }
    packed[3 * j + 3] = key;
    packed[3 * j + 5] = row;
  }
}

function lowWordsAscending(packed: Uint32Array, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (packed[3 * i - 3]! > packed[3 * i]!) return false;
  return true;
}

function scatterPairs(from: Uint32Array, to: Uint32Array, { shift, mask, starts }: Pass): void {
  for (let i = 0; i < from.length; i += 2) {
    const key = from[i]!;
    const d = (key >>> shift) & mask;
    const at = 2 * starts[d]!;
    starts[d]!++;
    to[at] = key;
    to[at + 1] = from[i + 1]!;
  }
}

function scatterTriples(from: Uint32Array, to: Uint32Array, { word, shift, mask, starts }: Pass): void {
  for (let i = 0; i < from.length; i += 3) {
    const d = (from[i + word]! >>> shift) & mask;
    const at = 3 * starts[d]!;
    starts[d]!++;
    to[at] = from[i]!;
    to[at + 1] = from[i + 1]!;
    to[at + 2] = from[i + 2]!;
  }
}

function constantHigh(packed: Uint32Array): boolean {
  const first = packed[1]!;
  for (let i = 4; i < packed.length; i += 3) if (packed[i] !== first) return false;
  return true;
}

/** The passes over one key word whose digit is not the same for every key, with their bucket offsets. */
function digitPasses(packed: Uint32Array, stride: Stride, word: 0 | 1, digitBits: number): Pass[] {
  const buckets = 1 << digitBits;
  const mask = buckets - 1;
  const shifts = [0, digitBits, 2 * digitBits];
  const counts = shifts.map(() => new Int32Array(buckets));
  countDigits(packed, stride, word, digitBits, counts as [Int32Array, Int32Array, Int32Array]);
  const n = packed.length / stride;
  const passes: Pass[] = [];
  shifts.forEach((shift, p) => {
    const starts = counts[p]!;
    let start = 0;
    for (let d = 0; d < buckets; d++) {
      const c = starts[d]!;
      if (c === n) return;
      starts[d] = start;
      start += c;
    }
    passes.push({ word, shift, mask, starts });
  });
  return passes;
}

function countDigits(
  packed: Uint32Array,
  stride: Stride,
  word: 0 | 1,
  digitBits: number,
  [c0, c1, c2]: [Int32Array, Int32Array, Int32Array],
): void {
  const mask = (1 << digitBits) - 1;
  const s2 = 2 * digitBits;
  for (let i = word; i < packed.length; i += stride) {
    const k = packed[i]!;
    c0[k & mask]!++;
    c1[(k >>> digitBits) & mask]!++;
    c2[(k >>> s2) & mask]!++;
  }
}

export function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** Row order by ascending customer id, the tie-breaker of every ranking; the identity when ids are sorted. */
export function orderById(ids: Int32Array | Float64Array): Int32Array {
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) sorted = ids[i - 1]! < ids[i]!;
  if (sorted) return identity(ids.length);
  return argsort(ids instanceof Float64Array ? ids : Float64Array.from(ids));
}
