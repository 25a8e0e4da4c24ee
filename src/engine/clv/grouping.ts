// Customers with identical (x, t_x, T) contribute identical likelihood terms, so the fits work on
// the distinct triples with multiplicities. With purchase days as the time grain a population of
// millions collapses to a few hundred thousand rows, and the likelihood is still that of every
// customer (each row's term is multiplied by its count).
import { clvError } from './labels.js';

export interface RecencyFrequency {
  /** Repeat purchases in the calibration period. */
  x: ArrayLike<number>;
  /** Time of the last purchase, measured from the first. */
  tx: ArrayLike<number>;
  /** Age at the calibration end, measured from the first purchase. */
  T: ArrayLike<number>;
}

export interface Levels {
  values: Float64Array;
  /** Index into `values` of each input element. */
  of: Uint32Array;
}

export interface GroupedRecencyFrequency {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  count: Float64Array;
  /** Distinct x values and, per row, which one; lets x-only terms (lgamma, digamma) be computed once per value. */
  xLevels: Levels;
  /** Number of customers at each distinct x value. */
  xLevelCount: Float64Array;
  txLevels: Levels;
  TLevels: Levels;
  customers: number;
}

/** Distinct sorted values of a column and each element's index among them. */
export function levelsOf(column: ArrayLike<number>): Levels {
  const sorted = Float64Array.from(column).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  }
  const values = sorted.slice(0, distinct);
  const of = new Uint32Array(column.length);
  for (let i = 0; i < column.length; i++) of[i] = lowerBound(values, column[i]!);
  return { values, of };
}

function lowerBound(values: Float64Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function validateRecencyFrequency(columns: RecencyFrequency): void {
  const { x, tx, T } = columns;
  if (x.length !== tx.length || x.length !== T.length) throw clvError('columnLengths');
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const ti = tx[i]!;
    const Ti = T[i]!;
    if (!(xi >= 0) || !Number.isFinite(xi) || xi !== Math.floor(xi)) throw clvError('frequencyInvalid');
    if (!(ti >= 0) || !(Ti >= ti) || !Number.isFinite(Ti)) throw clvError('recencyInvalid');
    if (xi === 0 && ti !== 0) throw clvError('recencyWithoutRepeat');
  }
}

export function groupRecencyFrequency(columns: RecencyFrequency): GroupedRecencyFrequency {
  validateRecencyFrequency(columns);
  const n = columns.x.length;
  const xLevels = levelsOf(columns.x);
  const txLevels = levelsOf(columns.tx);
  const TLevels = levelsOf(columns.T);
  // Two-stage keys keep every product of level counts below 2^53 whatever the population size.
  const pairKey = new Float64Array(n);
  for (let i = 0; i < n; i++) pairKey[i] = xLevels.of[i]! * txLevels.values.length + txLevels.of[i]!;
  const pairLevels = levelsOf(pairKey);
  const tripleKey = new Float64Array(n);
  for (let i = 0; i < n; i++) tripleKey[i] = pairLevels.of[i]! * TLevels.values.length + TLevels.of[i]!;
  const triples = levelsOf(tripleKey);

  const rows = triples.values.length;
  const count = new Float64Array(rows);
  const representative = new Uint32Array(rows);
  for (let i = 0; i < n; i++) {
    const row = triples.of[i]!;
    count[row] = count[row]! + 1;
    representative[row] = i;
  }
  const pick = (source: Levels): Levels => ({
    values: source.values,
    of: representative.map((i) => source.of[i]!),
  });
  const xRows = pick(xLevels);
  const xLevelCount = new Float64Array(xLevels.values.length);
  for (let i = 0; i < n; i++) xLevelCount[xLevels.of[i]!] = xLevelCount[xLevels.of[i]!]! + 1;
  const txRows = pick(txLevels);
  const TRows = pick(TLevels);
  return {
    x: Float64Array.from(xRows.of, (level) => xRows.values[level]!),
    tx: Float64Array.from(txRows.of, (level) => txRows.values[level]!),
    T: Float64Array.from(TRows.of, (level) => TRows.values[level]!),
    count,
    xLevels: xRows,
    xLevelCount,
    txLevels: txRows,
    TLevels: TRows,
    customers: n,
  };
}
