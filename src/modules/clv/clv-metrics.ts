import { DEFAULT_CLV_SETTINGS } from '../../engine/clv/settings.js';
import { fitForecastModels, forecastCustomers, type ClvRunParams } from '../../engine/clv/forecast.js';
import {
  readsAnyMetric,
  takeNumbers,
  toDayNumber,
  withColumns,
  type MetricColumn,
  type Model,
  type PopulationColumns,
} from '../../engine/index.js';
import { populationRows } from '../../engine/population.js';
import type { Db } from '../audit/audit.repository.js';
import { readCalibrationSummary } from './calibration.repository.js';

export const CLV_METRIC_IDS = ['clv_12m', 'expected_purchases_12m', 'p_alive'] as const;

/** Only a model that reads a CLV metric makes its run fit the CLV models. */
export const usesClvMetrics = (model: Model): boolean => readsAnyMetric(model, CLV_METRIC_IDS);

/** Per input row of the population columns; rows without a purchase are NaN and not flagged. */
export interface ClvMetrics {
  readonly params: ClvRunParams;
  readonly columns: PopulationColumns;
  readonly hasPurchase: Uint8Array;
  readonly pAlive: Float64Array;
  readonly expectedPurchases12m: Float64Array;
  readonly clv: Float64Array;
  readonly churn: Uint8Array;
}

/** Σ profit / Σ sales in the window over the rows that have both: the margin of customers without their own. */
function populationMargin(columns: PopulationColumns, rows: Int32Array | undefined): number {
  const profit = columns.metrics.profit_window;
  const sales = columns.metrics.sales_window;
  if (!(profit instanceof Float64Array) || !(sales instanceof Float64Array)) return 1;
  let p = 0;
  let s = 0;
  const count = rows ? rows.length : columns.ids.length;
  for (let k = 0; k < count; k++) {
    const i = rows ? rows[k]! : k;
    if (Number.isFinite(profit[i]!) && sales[i]! > 0) {
      p += profit[i]!;
      s += sales[i]!;
    }
  }
  return s > 0 ? p / s : 1;
}

/**
 * Adds clv_12m, expected_purchases_12m and p_alive to a population's metrics as of a date. The calibration period
 * ends the day before `asOf`, as every other grading aggregate does. Without `stored` parameters the models are
 * fitted on the model's population (a run); with them nothing is refitted (instant re-grade, verification), so
 * the same data give the same values bit for bit.
 */
export async function clvMetrics(
  db: Db,
  model: Model,
  columns: PopulationColumns,
  asOf: string,
  stored?: ClvRunParams,
): Promise<ClvMetrics> {
  const ids = columns.ids;
  const n = ids.length;
  const summary = await readCalibrationSummary(db, {
    throughDay: toDayNumber(asOf) - 1,
    customerIds: n < 10_000 ? Array.from(ids) : undefined,
  });
  // Both are in id order: one merge gives each input row its summary row (-1: no purchase yet).
  const summaryRow = new Int32Array(n).fill(-1);
  for (let i = 0, j = 0; i < n; i++) {
    while (j < summary.customerIds.length && summary.customerIds[j]! < ids[i]!) j++;
    if (summary.customerIds[j] === ids[i]) summaryRow[i] = j;
  }
  const purchasers = summaryRow.filter((r) => r >= 0);
  const inputOfPurchaser = Int32Array.from({ length: n }, (_, i) => i).filter((i) => summaryRow[i]! >= 0);
  const forecastColumns = {
    x: takeNumbers(summary.x, purchasers),
    tx: takeNumbers(summary.tx, purchasers),
    T: takeNumbers(summary.T, purchasers),
    zbar: takeNumbers(summary.zbar, purchasers),
  };
  const params = stored ?? fitOnPopulation(model, columns, inputOfPurchaser, forecastColumns);
  const margin = columns.metrics.margin;
  const ownMargin =
    margin instanceof Float64Array ? takeNumbers(margin, inputOfPurchaser) : new Float64Array(0);
  const forecast = forecastCustomers(params, forecastColumns, ownMargin);
  const spread = (values: Float64Array) => {
    const out = new Float64Array(n).fill(Number.NaN);
    inputOfPurchaser.forEach((i, k) => (out[i] = values[k]!));
    return out;
  };
  const churn = new Uint8Array(n);
  const hasPurchase = new Uint8Array(n);
  inputOfPurchaser.forEach((i, k) => {
    churn[i] = forecast.churn[k]!;
    hasPurchase[i] = 1;
  });
  const pAlive = spread(forecast.pAlive);
  const expectedPurchases12m = spread(forecast.expectedPurchases12m);
  const clv = spread(forecast.clv);
  const added: Record<(typeof CLV_METRIC_IDS)[number], MetricColumn> = {
    clv_12m: clv,
    expected_purchases_12m: expectedPurchases12m,
    p_alive: pAlive,
  };
  return {
    params,
    columns: { ids, metrics: withColumns(columns.metrics, added) },
    hasPurchase,
    pAlive,
    expectedPurchases12m,
    clv,
    churn,
  };
}

function fitOnPopulation(
  model: Model,
  columns: PopulationColumns,
  inputOfPurchaser: Int32Array,
  forecastColumns: { x: Float64Array; tx: Float64Array; T: Float64Array; zbar: Float64Array },
): ClvRunParams {
  const population = populationRows(model, columns);
  const settings = model.clv ?? DEFAULT_CLV_SETTINGS;
  if (!population) return fitForecastModels(forecastColumns, settings, populationMargin(columns, undefined));
  const member = new Uint8Array(columns.ids.length);
  population.forEach((i) => (member[i] = 1));
  const keep = Int32Array.from({ length: inputOfPurchaser.length }, (_, k) => k).filter(
    (k) => member[inputOfPurchaser[k]!] === 1,
  );
  const pick = (column: Float64Array) => Float64Array.from(keep, (k) => column[k]!);
  return fitForecastModels(
    {
      x: pick(forecastColumns.x),
      tx: pick(forecastColumns.tx),
      T: pick(forecastColumns.T),
      zbar: pick(forecastColumns.zbar),
    },
    settings,
    populationMargin(columns, population),
  );
}

/** The columns with the CLV metrics added when the model uses them (refitted only without `stored`). */
export async function withClvMetrics(
  db: Db,
  model: Model,
  columns: PopulationColumns,
  asOf: string,
  stored?: ClvRunParams,
): Promise<PopulationColumns> {
  if (!usesClvMetrics(model)) return columns;
  return (await clvMetrics(db, model, columns, asOf, stored)).columns;
}
