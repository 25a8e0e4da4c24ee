import { asCategoryColumn, type MetricColumn } from '../../engine/columns.js';

export interface Bin {
  /** Inclusive lower edge. */
  from: number;
  /** Upper edge: exclusive, except for the last bin, which holds everything up to `to` inclusive. */
  to: number;
  count: number;
}

export type RawHistogram =
  | { kind: 'numeric'; bins: Bin[]; nulls: number }
  | { kind: 'category'; categories: { value: string; count: number }[]; others: number; nulls: number };

export interface ScoreHistogram {
  bins: Bin[];
  nulls: number;
}

/** Index of `x` among `bins` equal bins from `lo` (the top edge belongs to the last bin). */
const binOf = (x: number, lo: number, width: number, bins: number) =>
  width > 0 ? Math.min(bins - 1, Math.max(0, Math.floor((x - lo) / width))) : 0;

function emptyBins(lo: number, width: number, bins: number, hi: number): Bin[] {
  return Array.from({ length: bins }, (_, i) => ({
    from: lo + i * width,
    to: i === bins - 1 ? hi : lo + (i + 1) * width,
    count: 0,
  }));
}

/**
 * Equal-width bins over the non-NULL values. Money-like metrics are long-tailed: bins span the minimum to the
 * `tail` quantile so that the bulk of the population is visible, and the last bin gathers the rest up to the maximum.
 */
export function numericHistogram(values: Float64Array, bins = 20, tail = 0.99): RawHistogram {
  const present: number[] = [];
  for (const v of values) if (Number.isFinite(v)) present.push(v);
  const nulls = values.length - present.length;
  if (present.length === 0) return { kind: 'numeric', bins: [], nulls };
  const sorted = Float64Array.from(present).sort();
  const lo = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const cut = sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * tail))]!;
  const hi = cut > lo ? cut : max;
  const count = hi > lo ? bins : 1;
  const width = (hi - lo) / count;
  const out = emptyBins(lo, width, count, max);
  for (const v of sorted) out[binOf(v, lo, width, count)]!.count++;
  return { kind: 'numeric', bins: out, nulls };
}

/** The most frequent categories first; beyond `top`, the rest is one count. */
export function categoryHistogram(column: MetricColumn, top = 20): RawHistogram {
  const { codes, dictionary } = asCategoryColumn(column);
  const counts = new Array<number>(dictionary.length).fill(0);
  let nulls = 0;
  for (const code of codes) {
    if (code < 0) nulls++;
    else counts[code]!++;
  }
  const ranked = dictionary
    .map((value, i) => ({ value, count: counts[i]! }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const others = ranked.slice(top).reduce((sum, c) => sum + c.count, 0);
  return { kind: 'category', categories: ranked.slice(0, top), others, nulls };
}

/** Unit scores (0–1, NaN for NULL) as 0–100 scores in bins of equal width; 100 falls in the last bin. */
export function scoreHistogram(unit: Float64Array, bins = 10): ScoreHistogram {
  const width = 100 / bins;
  const out = emptyBins(0, width, bins, 100);
  let nulls = 0;
  for (const u of unit) {
    if (Number.isNaN(u)) nulls++;
    else out[binOf(u * 100, 0, width, bins)]!.count++;
  }
  return { bins: out, nulls };
}
