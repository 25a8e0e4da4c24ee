// Customer lifetime value from a purchase forecast and a spend forecast.
import { clvError } from './labels.js';
import { DAYS_PER_UNIT } from './summary.js';
import type { TimeUnit } from './summary.js';

/** Average Gregorian month in days (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;

export interface ClvOptions {
  /** Cumulative expected repeat purchases of every customer within t model units after the calibration end. */
  cumulativeExpected: (t: number) => ArrayLike<number>;
  /** Expected spend per purchase of every customer (e.g. the Gamma-Gamma conditional mean). */
  spend: ArrayLike<number>;
  /** Share of spend kept as profit, e.g. 0.3; 1 gives revenue value. */
  margin: number;
  monthlyDiscountRate: number;
  horizonMonths: number;
  unit: TimeUnit;
}

/**
 * CLV = margin × expected spend × Σ_{m=1..H} (purchases expected in month m) / (1 + d)^m: each month's
 * purchases are discounted to the calibration end as if made at the month's end.
 */
export function customerLifetimeValue(options: ClvOptions): Float64Array {
  const { spend, margin, monthlyDiscountRate, horizonMonths, unit } = options;
  for (const value of [margin, monthlyDiscountRate, horizonMonths]) {
    if (!(value >= 0) || !Number.isFinite(value)) throw clvError('rateInvalid');
  }
  const unitsPerMonth = DAYS_PER_MONTH / DAYS_PER_UNIT[unit];
  const value = new Float64Array(spend.length);
  let before: ArrayLike<number> = new Float64Array(spend.length);
  for (let month = 1; month <= horizonMonths; month++) {
    const through = options.cumulativeExpected(month * unitsPerMonth);
    if (through.length !== spend.length) throw clvError('columnLengths');
    const discount = Math.pow(1 + monthlyDiscountRate, -month);
    for (let i = 0; i < value.length; i++) value[i] = value[i]! + (through[i]! - before[i]!) * discount;
    before = through;
  }
  for (let i = 0; i < value.length; i++) value[i] = value[i]! * spend[i]! * margin;
  return value;
}
