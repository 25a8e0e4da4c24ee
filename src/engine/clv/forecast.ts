// The CLV models as a grading run uses them: fit BG/NBD and Gamma-Gamma on a population's calibration summary
// (or a deterministic sample of it), then forecast every customer from the fitted parameters alone, so a stored
// fit reproduces the same metrics later (instant re-grades, verification) without refitting.
import { bgnbdConditionalExpected, bgnbdPAlive, fitBgNbd, type BgNbdParams } from './bgnbd.js';
import { churnRiskFlags } from './churn.js';
import { customerLifetimeValue, DAYS_PER_MONTH } from './clv.js';
import type { FitResult } from './fit.js';
import { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaParams } from './gammagamma.js';
import type { RecencyFrequency } from './grouping.js';
import { ClvInputError } from './labels.js';
import type { ClvSettings } from './settings.js';
import { DAYS_PER_UNIT } from './summary.js';
import { takeNumbers } from '../columns.js';

/** Calibration columns in weeks (x, t_x, T) with mean repeat spend. */
export interface ForecastColumns extends RecencyFrequency {
  zbar: ArrayLike<number>;
}

export interface FitDiagnostics {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  standardErrors: number[];
  hessianPositiveDefinite: boolean;
}

/** Everything needed to forecast one more customer exactly as the run did; stored in grading_runs.params. */
export interface ClvRunParams {
  unit: 'weeks';
  settings: ClvSettings;
  /** Null when no customer had a purchase to fit on. */
  bgnbd: BgNbdParams | null;
  /** Null when no customer had a repeat purchase with spend. */
  gammaGamma: GammaGammaParams | null;
  /** Median t_x / x of the fitted repeat buyers (weeks): the cycle assumed for one-time buyers. */
  oneTimeBuyerCycle: number | null;
  /** Margin of customers without their own (no sales or no profit in the window). */
  fallbackMargin: number;
  customers: number;
  fittedOn: number;
  diagnostics: {
    bgnbd: FitDiagnostics | null;
    gammaGamma: (FitDiagnostics & { customersUsed: number; frequencySpendCorrelation: number }) | null;
  };
}

export interface Forecast {
  pAlive: Float64Array;
  expectedPurchases12m: Float64Array;
  /** Rounded to cents, as stored. */
  clv: Float64Array;
  /** CHURN_LOW_P_ALIVE | CHURN_OVERDUE bits. */
  churn: Uint8Array;
}

/**
 * a and b beyond 10³ only say "every customer drops out with the same probability a/(a+b)": the likelihood is flat
 * there, while the conditional expectation's series needs O(a) terms. Small or very regular populations drift to
 * that edge, so a run bounds a and b (r and α keep the library's bound).
 */
const BGNBD_UPPER_BOUNDS = [1e6, 1e6, 1e3, 1e3];

const WEEKS_PER_12_MONTHS = (12 * DAYS_PER_MONTH) / DAYS_PER_UNIT.weeks;

/** Rows of an evenly spaced sample of `size` out of `n` (all rows when n ≤ size): deterministic, order-preserving. */
export function sampleRows(n: number, size: number): Int32Array | undefined {
  if (n <= size) return undefined;
  return Int32Array.from({ length: size }, (_, i) => Math.floor((i * n) / size));
}

const take = (column: ArrayLike<number>, rows: Int32Array | undefined) =>
  rows ? takeNumbers(column, rows) : Float64Array.from(column);

function diagnosticsOf<P>(fit: FitResult<P>): FitDiagnostics {
  return {
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    standardErrors: Array.from(fit.standardErrors),
    hessianPositiveDefinite: fit.hessianPositiveDefinite,
  };
}

function orNullWhenEmpty<T>(fit: () => T): T | null {
  try {
    return fit();
  } catch (error) {
    if (error instanceof ClvInputError && error.key === 'emptyFit') return null;
    throw error;
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

export function fitForecastModels(
  columns: ForecastColumns,
  settings: ClvSettings,
  fallbackMargin: number,
): ClvRunParams {
  const n = columns.x.length;
  const rows = sampleRows(n, settings.fitSampleSize);
  const sample = { x: take(columns.x, rows), tx: take(columns.tx, rows), T: take(columns.T, rows) };
  const zbar = take(columns.zbar, rows);
  const bgnbd = orNullWhenEmpty(() => fitBgNbd(sample, { upperBounds: BGNBD_UPPER_BOUNDS }));
  const gammaGamma = orNullWhenEmpty(() => fitGammaGamma({ x: sample.x, zbar }));
  const cycles: number[] = [];
  for (let i = 0; i < sample.x.length; i++) if (sample.x[i]! > 0) cycles.push(sample.tx[i]! / sample.x[i]!);
  return {
    unit: 'weeks',
    settings,
    bgnbd: bgnbd?.params ?? null,
    gammaGamma: gammaGamma?.params ?? null,
    oneTimeBuyerCycle: median(cycles),
    fallbackMargin,
    customers: n,
    fittedOn: sample.x.length,
    diagnostics: {
      bgnbd: bgnbd ? diagnosticsOf(bgnbd) : null,
      gammaGamma: gammaGamma
        ? {
            ...diagnosticsOf(gammaGamma),
            customersUsed: gammaGamma.customersUsed,
            frequencySpendCorrelation: gammaGamma.independence.correlation,
          }
        : null,
    },
  };
}

/**
 * Forecasts from stored parameters only. `margin` is each customer's own margin (NaN: none, the fallback is used)
 * unless the settings fix one. Without a purchase model every value is NaN (NULL) and nobody is flagged.
 */
export function forecastCustomers(
  params: ClvRunParams,
  columns: ForecastColumns,
  margin: ArrayLike<number>,
): Forecast {
  const n = columns.x.length;
  const nan = () => new Float64Array(n).fill(Number.NaN);
  if (!params.bgnbd)
    return { pAlive: nan(), expectedPurchases12m: nan(), clv: nan(), churn: new Uint8Array(n) };
  const bgnbd = params.bgnbd;
  const { settings } = params;
  const pAlive = bgnbdPAlive(bgnbd, columns);
  const expectedPurchases12m = bgnbdConditionalExpected(bgnbd, columns, WEEKS_PER_12_MONTHS);
  const spend = params.gammaGamma ? gammaGammaExpectedSpend(params.gammaGamma, columns) : nan();
  const value = customerLifetimeValue({
    cumulativeExpected: (t) => bgnbdConditionalExpected(bgnbd, columns, t),
    spend,
    margin: 1,
    monthlyDiscountRate: settings.monthlyDiscountRate,
    horizonMonths: settings.horizonMonths,
    unit: params.unit,
  });
  const clv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = settings.margin ?? margin[i]!;
    const m = Number.isFinite(own) ? own : params.fallbackMargin;
    clv[i] = Math.round(value[i]! * m * 100) / 100;
  }
  const churn = churnRiskFlags(
    { pAlive, x: columns.x, tx: columns.tx, T: columns.T },
    {
      pAliveThreshold: settings.pAliveThreshold,
      cycleMultiple: settings.cycleMultiple,
      oneTimeBuyerCycle: params.oneTimeBuyerCycle ?? undefined,
    },
  );
  return { pAlive, expectedPurchases12m, clv, churn };
}
