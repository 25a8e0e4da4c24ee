import { decimalGrid, gridKey, type DecimalGrid } from './keys.js';

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
}

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
/** Digit shifts within one 32-bit half: 11 + 11 + 10 bits. */
const SHIFTS = [0, 11, 22] as const;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = LITTLE_ENDIAN ? 1 : 0;

/**
 * Writes the order-preserving unsigned key of each value (in `order`'s sequence) into hi/lo words: the IEEE-754
 * bit pattern mapped to an unsigned order, or, for values on a decimal grid, the grid key (a narrow integer).
 */
function fillKeys(
  values: Float64Array,
  order: Int32Array,
  descending: boolean,
  nulls: NullPlacement,
  hi: Uint32Array,
  lo: Uint32Array,
): void {
  const grid = decimalGrid(values);
  if (grid) fillGridKeys(values, order, grid, descending, nulls, hi, lo);
  else fillBitKeys(values, order, descending, nulls, hi, lo);
}

function fillBitKeys(
  values: Float64Array,
  order: Int32Array,
  descending: boolean,
  nulls: NullPlacement,
  hi: Uint32Array,
  lo: Uint32Array,
): void {
  // NaN gets the extreme key of its side; the later complement for descending order must not move it.
  const nanHi = (nulls === 'last') !== descending ? 0xffffffff : 0;
  const flip = descending ? 0xffffffff : 0;
  for (let i = 0; i < order.length; i++) {
    const v = values[order[i]!]!;
    if (v !== v) {
      hi[i] = nanHi ^ flip;
      lo[i] = nanHi ^ flip;
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
    hi[i] = (h ^ flip) >>> 0;
    lo[i] = (l ^ flip) >>> 0;
  }
}

const WORD = 2 ** 32;

/** Grid keys 1…range+1 for values (reversed when descending), 0 or range+2 for NaN. */
function fillGridKeys(
  values: Float64Array,
  order: Int32Array,
  grid: DecimalGrid,
  descending: boolean,
  nulls: NullPlacement,
  hi: Uint32Array,
  lo: Uint32Array,
): void {
  const range = grid.max - grid.min;
  const nanKey = nulls === 'first' ? 0 : range + 2;
  const narrow = range + 2 < WORD;
  for (let i = 0; i < order.length; i++) {
    const v = values[order[i]!]!;
    const k = gridKey(grid, v);
    const key = v !== v ? nanKey : 1 + (descending ? range - k : k);
    if (narrow) {
      lo[i] = key; // hi stays 0
      continue;
    }
    const low = key % WORD;
    lo[i] = low;
    hi[i] = (key - low) / WORD;
  }
}

export function argsort(values: Float64Array, options: ArgsortOptions = {}): Int32Array {
  const n = values.length;
  let order: Int32Array = options.initialOrder ? Int32Array.from(options.initialOrder) : identity(n);
  if (n < 2) return order;
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  fillKeys(values, order, options.descending ?? false, options.nulls ?? 'last', hi, lo);
  const carryHi = !constant(hi);
  let nextOrder: Int32Array = new Int32Array(n);
  let nextHi = new Uint32Array(carryHi ? n : 0);
  let nextLo = new Uint32Array(n);
  const counts = new Int32Array(BUCKETS);

  for (const shift of SHIFTS) {
    if (!countDigits(lo, shift, counts)) continue;
    for (let i = 0; i < n; i++) {
      const d = (lo[i]! >>> shift) & MASK;
      const at = counts[d]!;
      counts[d] = at + 1;
      nextOrder[at] = order[i]!;
      nextLo[at] = lo[i]!;
      if (carryHi) nextHi[at] = hi[i]!;
    }
    [order, nextOrder] = [nextOrder, order];
    [lo, nextLo] = [nextLo, lo];
    if (carryHi) [hi, nextHi] = [nextHi, hi];
  }
  for (const shift of SHIFTS) {
    if (!carryHi || !countDigits(hi, shift, counts)) continue;
    for (let i = 0; i < n; i++) {
      const d = (hi[i]! >>> shift) & MASK;
      const at = counts[d]!;
      counts[d] = at + 1;
      nextOrder[at] = order[i]!;
      nextHi[at] = hi[i]!;
    }
    [order, nextOrder] = [nextOrder, order];
    [hi, nextHi] = [nextHi, hi];
  }
  return order;
}

function constant(words: Uint32Array): boolean {
  const first = words[0]!;
  for (let i = 1; i < words.length; i++) if (words[i] !== first) return false;
  return true;
}

/** Turns `counts` into bucket start offsets; false when every key has the same digit (the pass is a no-op). */
function countDigits(keys: Uint32Array, shift: number, counts: Int32Array): boolean {
  counts.fill(0);
  for (let i = 0; i < keys.length; i++) counts[(keys[i]! >>> shift) & MASK]!++;
  let start = 0;
  for (let d = 0; d < BUCKETS; d++) {
    const c = counts[d]!;
    if (c === keys.length) return false;
    counts[d] = start;
    start += c;
  }
  return true;
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
