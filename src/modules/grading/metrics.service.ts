import { deriveMetrics, type Model, type PopulationColumns } from '../../engine/index.js';
import type { Db } from '../audit/audit.repository.js';
import { readBaseAggregates, type BaseAggregates } from './base-aggregates.repository.js';

/** What decides how a model measures customers: models that agree on it can share one read. */
export type Measure = Pick<Model, 'windowMonths' | 'lateness' | 'costPerContact'>;

export interface MeasuredCustomers extends PopulationColumns {
  readonly ids: Int32Array;
  /** The raw sums the metrics came from (a run's figures read some). */
  readonly base: BaseAggregates;
}

/**
 * The catalogue metrics as of a day, as the engine reads them, of every live customer (runs, what-if, previews)
 * or of some (instant re-grades, explanations), in customer id order.
 */
export async function metricsAsOf(
  db: Db,
  measure: Measure,
  asOf: string,
  customerIds?: readonly number[],
): Promise<MeasuredCustomers> {
  const base = await readBaseAggregates(db, {
    asOf,
    windowMonths: measure.windowMonths,
    lateness: measure.lateness,
    customerIds,
  });
  const { metrics } = deriveMetrics(
    {
      ids: base.customerIds,
      aggregates: base.columns,
      attributes: base.attributes,
      expectedCloseDay: base.expectedCloseDay,
    },
    asOf,
    measure.windowMonths,
    { costPerContact: measure.costPerContact },
  );
  return { ids: base.customerIds, metrics, base };
}
