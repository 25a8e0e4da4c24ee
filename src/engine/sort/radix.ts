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
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = LITTLE_ENDIAN ? 1 : 0;

/** Values to key, in `order`'s sequence, and the hi/lo words their keys go to. */
interface KeyJob {
  readonly values: Float64Array;
  readonly order: Int32Array;
  readonly descending: boolean;
  readonly nulls: NullPlacement;
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly grid: DecimalGrid | false | undefined;
}

/**
 * Writes the order-preserving unsigned key of each value into hi/lo words: the IEEE-754 bit pattern mapped to
 * an unsigned order, or, for values on a decimal grid, the grid key (a narrow integer).
 */
function fillKeys(job: KeyJob): DecimalGrid | false {
  const grid = job.grid ?? decimalGrid(job.values) ?? false;
  if (grid) fillGridKeys(job, grid);
  else fillBitKeys(job);
  return grid;
}

function fillBitKeys({ values, order, descending, nulls, hi, lo }: KeyJob): void {
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

/** Grid keys 1…range+1 for values (reversed when descending), 0 or range+2 for NaN, in 24-bit words. */
function fillGridKeys({ values, order, descending, nulls, hi, lo }: KeyJob, grid: DecimalGrid): void {
  const range = grid.max - grid.min;
  const nanKey = nulls === 'first' ? 0 : range + 2;
  const narrow = range + 2 < GRID_WORD;
  for (let i = 0; i < order.length; i++) {
    const v = values[order[i]!]!;
    const k = gridKey(grid, v);
    const key = v !== v ? nanKey : 1 + (descending ? range - k : k);
    if (narrow) {
      lo[i] = key; // hi stays 0
      continue;
    }
    const high = Math.floor(key / GRID_WORD);
    hi[i] = high;
    lo[i] = key - high * GRID_WORD;
  }
}

/**
 * Key and permutation buffers reused between calls: a million-row sort needs ~20 MB of scratch, and
 * allocating it per call costs zero-filling and garbage collection. Never handed out: argsort returns a
 * fresh permutation.
 */
let pool: { words: Uint32Array[]; order: Int32Array } | undefined;

function buffersFor(n: number): { words: Uint32Array[]; order: Int32Array } {
  if (!pool || pool.order.length < n)
    pool = { words: Array.from({ length: 4 }, () => new Uint32Array(n)), order: new Int32Array(n) };
  return { words: pool.words.map((w) => w.subarray(0, n)), order: pool.order.subarray(0, n) };
}

interface Pass {
  readonly word: 0 | 1;
  readonly shift: number;
  readonly mask: number;
  /** Bucket start offsets of the pass's digit. */
  readonly starts: Int32Array;
}

export function argsort(values: Float64Array, options: ArgsortOptions = {}): Int32Array {
  return sortByKeys(values, options, false).order;
}

/**
 * `argsort`, and the values in that order decoded from the sorted keys: read in sequence instead of gathered
 * by the permutation, which on a million rows is a cache miss per row. −0 is looked up, as its key is 0's.
 */
export function argsortWithValues(
  values: Float64Array,
  options: ArgsortOptions = {},
): { order: Int32Array; sorted: Float64Array } {
  const { order, keys, grid } = sortByKeys(values, options, true);
  const sorted = new Float64Array(values.length);
  const job = { descending: options.descending ?? false, nulls: options.nulls ?? 'last', grid };
  if (keys) decodeKeys(keys[0], keys[1], job, sorted);
  else for (let i = 0; i < order.length; i++) sorted[i] = values[order[i]!]!;
  for (let i = 0; i < sorted.length; i++) if (sorted[i] === 0) sorted[i] = values[order[i]!]!;
  return { order, sorted };
}

/**
 * The permutation, and when `keepKeys` the key words in its order ([lo, hi]; undefined when fewer than two
 * values left nothing to sort).
 */
function sortByKeys(values: Float64Array, options: ArgsortOptions, keepKeys: boolean) {
  const n = values.length;
  const result: Int32Array = options.initialOrder ? options.initialOrder.slice() : identity(n);
  if (n < 2) return { order: result, keys: undefined, grid: false as const };
  const buffers = buffersFor(n);
  const [hi0, lo0, hi1, lo1] = buffers.words as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  hi0.fill(0);
  const grid = fillKeys({
    values,
    order: result,
    descending: options.descending ?? false,
    nulls: options.nulls ?? 'last',
    hi: hi0,
    lo: lo0,
    grid: options.grid,
  });
  const digitBits = grid ? GRID_DIGITS : BIT_DIGITS;
  let order = result;
  let nextOrder = buffers.order;
  let keys: [Uint32Array, Uint32Array] = [lo0, hi0];
  let nextKeys: [Uint32Array, Uint32Array] = [lo1, hi1];
  const run = (passes: readonly Pass[], carryAll: boolean) =>
    passes.forEach((pass, p) => {
      // Only keys a later pass (or the run refinement, or the caller) reads are carried along.
      const later = passes.slice(p + 1);
      scatter(keys, nextKeys, pass, order, nextOrder, {
        lo: carryAll || later.some((q) => q.word === 0),
        hi: carryAll || later.some((q) => q.word === 1),
      });
      [order, nextOrder] = [nextOrder, order];
      [keys, nextKeys] = [nextKeys, keys];
    });
  const loPasses = digitPasses(lo0, 0, digitBits);
  const hiPasses = constant(hi0) ? [] : digitPasses(hi0, 1, digitBits);
  // Continuous doubles rarely share the high word of their bit pattern: sorting by it and then ordering the
  // short runs of equal high words by the low word saves the low word's three passes. Long runs (values
  // crowded within one high word) go on to the full sort, which is stable, so starting from the order by
  // high word it still leaves equal keys in their initial order.
  const refine = !grid && loPasses.length > 0 && hiPasses.length > 0;
  if (refine) {
    run(hiPasses, true);
    if (!sortShortRunsByLo(order, keys[0], keys[1])) {
      run([...digitPasses(keys[0], 0, digitBits), ...digitPasses(keys[1], 1, digitBits)], keepKeys);
    }
  } else run([...loPasses, ...hiPasses], keepKeys);
  if (order !== result) result.set(order);
  return { order: result, keys: keepKeys ? keys : undefined, grid };
}

/** The values whose keys `fillGridKeys` or `fillBitKeys` wrote (NaN for a NULL's key), in the keys' order. */
function decodeKeys(
  lo: Uint32Array,
  hi: Uint32Array,
  job: { readonly descending: boolean; readonly nulls: NullPlacement; readonly grid: DecimalGrid | false },
  out: Float64Array,
): void {
  const { descending, nulls, grid } = job;
  if (grid) {
    const range = grid.max - grid.min;
    const nanKey = nulls === 'first' ? 0 : range + 2;
    for (let i = 0; i < out.length; i++) {
      const key = hi[i]! * GRID_WORD + lo[i]!;
      const k = descending ? range - (key - 1) : key - 1;
      out[i] = key === nanKey ? Number.NaN : (k + grid.min) / grid.scale;
    }
    return;
  }
  const nanHi = (nulls === 'last') !== descending ? 0xffffffff : 0;
  const flip = descending ? 0xffffffff : 0;
  for (let i = 0; i < out.length; i++) {
    let h = (hi[i]! ^ flip) >>> 0;
    let l = (lo[i]! ^ flip) >>> 0;
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
 * Orders each run of equal high words by the low word, stably (insertion sort); false, changing nothing,
 * when a run longer than `LONGEST_RUN` is not already in order. A long run in order is most often one value
 * repeated — the zeros of days late, the NULLs of growth — which insertion sort passes over in one comparison
 * each; before, one such run sent the whole column to the six-pass sort.
 */
function sortShortRunsByLo(order: Int32Array, lo: Uint32Array, hi: Uint32Array): boolean {
  const n = order.length;
  for (let a = 0, b = 1; b <= n; b++) {
    if (b < n && hi[b] === hi[a]) continue;
    if (b - a > LONGEST_RUN && !ascending(lo, a, b)) return false;
    a = b;
  }
  for (let a = 0; a < n;) {
    let b = a + 1;
    while (b < n && hi[b] === hi[a]) b++;
    for (let i = a + 1; i < b; i++) {
      const key = lo[i]!;
      const row = order[i]!;
      let j = i - 1;
      while (j >= a && lo[j]! > key) {
        lo[j + 1] = lo[j]!;
        order[j + 1] = order[j]!;
        j--;
      }
      lo[j + 1] = key;
      order[j + 1] = row;
    }
    a = b;
  }
  return true;
}

function ascending(words: Uint32Array, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (words[i - 1]! > words[i]!) return false;
  return true;
}

function scatter(
  keys: readonly [Uint32Array, Uint32Array],
  nextKeys: readonly [Uint32Array, Uint32Array],
  { word, shift, mask, starts }: Pass,
  order: Int32Array,
  nextOrder: Int32Array,
  carry: { readonly lo: boolean; readonly hi: boolean },
): void {
  const [lo, hi] = keys;
  const [nextLo, nextHi] = nextKeys;
  const digits = word === 0 ? lo : hi;
  const { lo: carryLo, hi: carryHi } = carry;
  for (let i = 0; i < digits.length; i++) {
    const d = (digits[i]! >>> shift) & mask;
    const at = starts[d]!;
    starts[d] = at + 1;
    nextOrder[at] = order[i]!;
    if (carryLo) nextLo[at] = lo[i]!;
    if (carryHi) nextHi[at] = hi[i]!;
  }
}

function constant(words: Uint32Array): boolean {
  const first = words[0]!;
  for (let i = 1; i < words.length; i++) if (words[i] !== first) return false;
  return true;
}

/** The passes over one key word whose digit is not the same for every key, with their bucket offsets. */
function digitPasses(keys: Uint32Array, word: 0 | 1, digitBits: number): Pass[] {
  const buckets = 1 << digitBits;
  const mask = buckets - 1;
  const shifts = [0, digitBits, 2 * digitBits];
  const counts = shifts.map(() => new Int32Array(buckets));
  const [c0, c1, c2] = counts as [Int32Array, Int32Array, Int32Array];
  const [, s1, s2] = shifts as [number, number, number];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    c0[k & mask]!++;
    c1[(k >>> s1) & mask]!++;
    c2[(k >>> s2) & mask]!++;
  }
  const passes: Pass[] = [];
  shifts.forEach((shift, p) => {
    const starts = counts[p]!;
    let start = 0;
    for (let d = 0; d < buckets; d++) {
      const c = starts[d]!;
      if (c === keys.length) return;
      starts[d] = start;
      start += c;
    }
    passes.push({ word, shift, mask, starts });
  });
  return passes;
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
