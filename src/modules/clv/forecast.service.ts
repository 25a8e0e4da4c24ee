import type { Db } from '../audit/audit.repository.js';
import type { ClvMetrics } from './clv-metrics.js';
import { raiseChurnAlerts, upsertForecasts } from './forecast.repository.js';

/**
 * Stores the forecasts of the members of a model's population that have bought (input rows `rows`), made by a run
 * or, between runs, by an instant re-grade against the run's stored fit (`run` is then the run whose parameters
 * served, `asOf` the day); alerts the owners and managers of customers who newly became churn risks, in the
 * caller's transaction.
 */
export async function storeForecasts(
  db: Db,
  run: { readonly runId: number; readonly modelId: number; readonly asOf: string },
  rows: ArrayLike<number>,
  clv: ClvMetrics,
): Promise<{ forecasts: number; newlyAtRisk: number }> {
  const members = Array.from(rows).filter((i) => clv.hasPurchase[i] === 1);
  const pick = (column: ArrayLike<number>) => members.map((i) => column[i]!);
  const newlyAtRisk = await upsertForecasts(db, run.runId, run.asOf, {
    customerIds: pick(clv.columns.ids),
    pAlive: pick(clv.pAlive),
    expectedPurchases12m: pick(clv.expectedPurchases12m),
    clv: pick(clv.clv),
    churn: pick(clv.churn),
  });
  await raiseChurnAlerts(db, run, newlyAtRisk);
  return { forecasts: members.length, newlyAtRisk: newlyAtRisk.length };
}
