// Per-customer recency/frequency/spend summary from raw transaction columns.
//
// Conventions (they reproduce Fader & Hardie's CDNOW summary exactly):
// - all purchases on one day are one transaction, its amount the day's total;
// - the first purchase day starts the customer's clock and is not a repeat purchase;
// - the calibration period includes the calibration end day itself;
// - T = (calibration end day - first purchase day) / unit and t_x = (last purchase day in the
//   calibration period - first purchase day) / unit, i.e. whole-day differences;
// - zbar is the mean of the repeat days' totals, 0 when there is no repeat;
// - customers whose first purchase is after the calibration end are left out.
import { clvError } from './labels.js';

const INSERTION_SORT_UP_TO = 32;

export type TimeUnit = 'days' | 'weeks';

export const DAYS_PER_UNIT: Record<TimeUnit, number> = { days: 1, weeks: 7 };

export interface Transactions {
  /** Customer index, 0 ≤ index < customerCount. */
  customer: ArrayLike<number>;
  /** Whole day numbers (e.g. days since 1970-01-01). */
  day: ArrayLike<number>;
  amount: ArrayLike<number>;
}

export interface CalibrationSummary {
  /** Customer index of each row, ascending. */
  customer: Uint32Array;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
  unit: TimeUnit;
}

export interface CalibrationOptions {
  calibrationEndDay: number;
  unit: TimeUnit;
  /** Defaults to the largest customer index + 1. */
  customerCount?: number;
}

/** Transaction positions grouped by customer (start offsets) and sorted by day within each. */
interface CustomerSegments {
  order: Uint32Array;
  starts: Uint32Array;
}

export function calibrationSummary(
  transactions: Transactions,
  options: CalibrationOptions,
): CalibrationSummary {
  const { calibrationEndDay, unit } = options;
  const perUnit = DAYS_PER_UNIT[unit];
  const { order, starts } = segmentByCustomer(transactions, options.customerCount);
  const { day, amount } = transactions;
  const customers = starts.length - 1;

  const rows = { customer: [] as number[], x: [] as number[], first: [] as number[], last: [] as number[] };
  const repeatSpend: number[] = [];
  for (let c = 0; c < customers; c++) {
    const begin = starts[c]!;
    const end = starts[c + 1]!;
    if (begin === end) continue;
    const first = day[order[begin]!]!;
    if (first > calibrationEndDay) continue;
    let repeats = 0;
    let last = first;
    let spend = 0;
    for (let k = begin; k < end; k++) {
      const i = order[k]!;
      const d = day[i]!;
      if (d > calibrationEndDay) break;
      if (d === first) continue;
      if (d !== last) repeats++;
      last = d;
      spend += amount[i]!;
    }
    rows.customer.push(c);
    rows.x.push(repeats);
    rows.first.push(first);
    rows.last.push(last);
    repeatSpend.push(spend);
  }
  const n = rows.customer.length;
  const x = Float64Array.from(rows.x);
  return {
    customer: Uint32Array.from(rows.customer),
    x,
    tx: Float64Array.from({ length: n }, (_, i) => (rows.last[i]! - rows.first[i]!) / perUnit),
    T: Float64Array.from(rows.first, (first) => (calibrationEndDay - first) / perUnit),
    zbar: Float64Array.from(repeatSpend, (spend, i) => (x[i]! > 0 ? spend / x[i]! : 0)),
    firstDay: Int32Array.from(rows.first),
    lastDay: Int32Array.from(rows.last),
    unit,
  };
}

/**
 * Distinct purchase days of each customer in (fromDay, toDay] — the holdout-period repeat
 * purchases when fromDay is the calibration end. Indexed by customer.
 */
export function purchaseDaysBetween(
  transactions: Transactions,
  fromDay: number,
  toDay: number,
  customerCount?: number,
): Uint32Array {
  const { order, starts } = segmentByCustomer(transactions, customerCount);
  const counts = new Uint32Array(starts.length - 1);
  for (let c = 0; c < counts.length; c++) {
    let previous = Number.NaN;
    for (let k = starts[c]!; k < starts[c + 1]!; k++) {
      const d = transactions.day[order[k]!]!;
      if (d > fromDay && d <= toDay && d !== previous) counts[c] = counts[c]! + 1;
      previous = d;
    }
  }
  return counts;
}

function segmentByCustomer(transactions: Transactions, customerCount?: number): CustomerSegments {
  const { customer, day } = transactions;
  const n = customer.length;
  if (day.length !== n || transactions.amount.length !== n) throw clvError('columnLengths');
  let maxCustomer = -1;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const c = customer[i]!;
    if (!(c >= 0) || c !== Math.floor(c)) throw clvError('customerIndexInvalid');
    if (day[i]! !== Math.floor(day[i]!)) throw clvError('dayInvalid');
    if (c > maxCustomer) maxCustomer = c;
    if (i > 0 && (c < customer[i - 1]! || (c === customer[i - 1]! && day[i]! < day[i - 1]!))) sorted = false;
  }
  const customers = customerCount ?? maxCustomer + 1;
  if (maxCustomer >= customers) throw clvError('customerIndexInvalid');

  // Counting sort by customer: O(n + customers), stable, so already day-ordered runs stay ordered.
  const starts = new Uint32Array(customers + 1);
  for (let i = 0; i < n; i++) starts[customer[i]! + 1] = starts[customer[i]! + 1]! + 1;
  for (let c = 0; c < customers; c++) starts[c + 1] = starts[c + 1]! + starts[c]!;
  if (sorted) return { order: Uint32Array.from({ length: n }, (_, i) => i), starts };

  const order = new Uint32Array(n);
  const cursor = starts.slice(0, customers);
  for (let i = 0; i < n; i++) {
    const c = customer[i]!;
    order[cursor[c]!] = i;
    cursor[c] = cursor[c]! + 1;
  }
  for (let c = 0; c < customers; c++) sortSegmentByDay(order, starts[c]!, starts[c + 1]!, day);
  return { order, starts };
}

function sortSegmentByDay(order: Uint32Array, begin: number, end: number, day: ArrayLike<number>): void {
  if (end - begin > INSERTION_SORT_UP_TO) {
    order.subarray(begin, end).sort((a, b) => day[a]! - day[b]! || a - b);
    return;
  }
  // A customer's transactions are usually few and nearly in order: insertion sort is cheapest.
  for (let k = begin + 1; k < end; k++) {
    const i = order[k]!;
    const d = day[i]!;
    let j = k - 1;
    while (j >= begin && day[order[j]!]! > d) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = i;
  }
}
