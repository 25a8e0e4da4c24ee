// Holdout validation: mean actual versus predicted repeat purchases per calibration frequency.
import { HOLDOUT_COLUMN_LABELS, clvError } from './labels.js';
import type { Locale } from './labels.js';

export interface HoldoutRow {
  /** Calibration repeat purchases: "0" … "6", and "7+" for the top bucket. */
  bucket: string;
  customers: number;
  actual: number;
  /** Mean prediction per model, in the order of `HoldoutTable.models`. */
  predicted: number[];
}

export interface HoldoutTable {
  models: string[];
  rows: HoldoutRow[];
  /** All customers together. */
  total: HoldoutRow;
}

export interface HoldoutInput {
  /** Calibration-period repeat purchases. */
  x: ArrayLike<number>;
  /** Repeat purchases observed in the holdout period. */
  actual: ArrayLike<number>;
  /** Each model's conditional expectation for the holdout period, per customer. */
  predicted: Record<string, ArrayLike<number>>;
  /** Frequencies at or above this share one bucket; 7 gives 0 … 6, 7+. */
  topBucket?: number;
}

export function holdoutComparison(input: HoldoutInput): HoldoutTable {
  const { x, actual } = input;
  const topBucket = input.topBucket ?? 7;
  const models = Object.keys(input.predicted);
  const predictions = models.map((name) => input.predicted[name]!);
  if (actual.length !== x.length || predictions.some((p) => p.length !== x.length)) {
    throw clvError('columnLengths');
  }
  const buckets = topBucket + 1;
  const customers = new Float64Array(buckets + 1);
  const actualSum = new Float64Array(buckets + 1);
  const predictedSum = models.map(() => new Float64Array(buckets + 1));
  for (let i = 0; i < x.length; i++) {
    // The last slot accumulates the total.
    for (const slot of [Math.min(x[i]!, topBucket), buckets]) {
      customers[slot] = customers[slot]! + 1;
      actualSum[slot] = actualSum[slot]! + actual[i]!;
      predictions.forEach((p, m) => (predictedSum[m]![slot] = predictedSum[m]![slot]! + p[i]!));
    }
  }
  const row = (slot: number, bucket: string): HoldoutRow => ({
    bucket,
    customers: customers[slot]!,
    actual: actualSum[slot]! / customers[slot]!,
    predicted: predictedSum.map((sums) => sums[slot]! / customers[slot]!),
  });
  return {
    models,
    rows: Array.from({ length: buckets }, (_, k) => row(k, k === topBucket ? `${k}+` : `${k}`)),
    total: row(buckets, 'all'),
  };
}

/** Fixed-width text table (as printed by the CLI and recorded in docs/clv.md). */
export function formatHoldoutTable(table: HoldoutTable, locale: Locale = 'en-US', digits = 3): string {
  const label = (key: keyof typeof HOLDOUT_COLUMN_LABELS): string => HOLDOUT_COLUMN_LABELS[key][locale];
  const header = [label('bucket'), label('customers'), label('actual'), ...table.models];
  const lines = [...table.rows, table.total].map((r) => [
    r === table.total ? label('all') : r.bucket,
    String(r.customers),
    r.actual.toFixed(digits),
    ...r.predicted.map((p) => p.toFixed(digits)),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const format = (cells: string[]): string => cells.map((cell, c) => cell.padStart(widths[c]!)).join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}
