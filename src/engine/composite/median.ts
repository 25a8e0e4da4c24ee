import { argsort } from '../sort/radix.js';

/** Median of the non-NaN values (mean of the two middle ones for an even count); NaN when there are none. */
export function medianOf(values: Float64Array): number {
  const order = argsort(values, { nulls: 'last' });
  let count = values.length;
  while (count > 0 && Number.isNaN(values[order[count - 1]!]!)) count--;
  if (count === 0) return Number.NaN;
  const upper = values[order[count >> 1]!]!;
  return count % 2 ? upper : (values[order[(count >> 1) - 1]!]! + upper) / 2;
}
