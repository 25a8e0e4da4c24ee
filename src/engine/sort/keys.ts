/**
 * Most metrics are counts, whole days, cents or basis points: every value is an integer K divided by a scale
 * s ∈ {1, 100, 10 000}, exactly (K / s === value). Then K is an order-preserving integer key whose range is far
 * narrower than the 64 bits of the double, so a radix sort needs fewer passes and a counting pass can rank a
 * narrow range without sorting at all. Distinct values have distinct K (K / s gives the value back) and K is
 * monotone in the value (rounding is monotone), so ordering by K is ordering by value, and ties stay ties.
 */
export interface DecimalGrid {
  readonly scale: number;
  /** Smallest and largest K over the non-NaN values. */
  readonly min: number;
  readonly max: number;
}

const SCALES = [1, 100, 10000] as const;
/** Beyond this many distinct keys the grid saves no radix pass over the double's own bits. */
const MAX_RANGE = 2 ** 44;
/** Every K must be an exact integer of a double, with room to spare for the rounding of v·s. */
const MAX_KEY = 2 ** 51;

/** The grid of the non-NaN values, or undefined when they are not all on one (or there are none). */
export function decimalGrid(values: Float64Array): DecimalGrid | undefined {
  let s = 0;
  let scale: number = SCALES[0];
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    while (Math.round(v * scale) / scale !== v) {
      if (++s === SCALES.length) return undefined;
      scale = SCALES[s]!;
    }
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (!(low <= high) || Math.max(-low, high) * scale >= MAX_KEY) return undefined;
  const min = Math.round(low * scale);
  const max = Math.round(high * scale);
  return max - min < MAX_RANGE ? { scale, min, max } : undefined;
}

/** K of a value on the grid, shifted so that the smallest value has key 0. */
export const gridKey = (grid: DecimalGrid, value: number): number =>
  Math.round(value * grid.scale) - grid.min;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of a double's high and low 32-bit word in a `Uint32Array` over its bytes, in this machine's byte order. */
export const HI = LITTLE_ENDIAN ? 1 : 0;
export const LO = LITTLE_ENDIAN ? 0 : 1;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/**
 * The high word of a double's bit pattern mapped to an unsigned order (−0 as 0; the radix sort's bit keys
 * read two words the same way): monotone in the value and logarithmic in spread.
 */
export function highKey(v: number): number {
  scratch[0] = v === 0 ? 0 : v;
  const h = scratchWords[HI]!;
  return h & 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0;
}
