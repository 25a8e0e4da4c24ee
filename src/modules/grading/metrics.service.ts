import { deriveMetrics, type Model, type PopulationColumns } from '../../engine/index.js';
import { restrict } from '../../engine/population.js';
import type { Db } from '../audit/audit.repository.js';
import {
  readBaseAggregates,
  referredCustomerIds,
  type BaseAggregates,
} from './base-aggregates.repository.js';

/** What decides how a model measures customers: models that agree on it can share one read. */
export type Measure = Pick<Model, 'windowMonths' | 'lateness' | 'costPerContact'>;

export interface MeasuredPopulation extends PopulationColumns {
  readonly ids: Int32Array;
  /** The raw sums the metrics came from (a run's figures read some). */
  readonly base: BaseAggregates;
}

/** Every live customer's catalogue metrics as of a day, in id order: runs, what-if, previews. */
export async function measureEveryone(db: Db, measure: Measure, asOf: string): Promise<MeasuredPopulation> {
  const base = await readBaseAggregates(db, { ...readOf(measure), asOf });
  return { ids: base.customerIds, metrics: derive(base, measure, asOf), base };
}

/**
 * Some customers' catalogue metrics as of a day, in id order: instant re-grades and explanations. With `referrals`
 * (a model reads referral metrics) the customers they referred are read too, to be summed, and left out of the answer.
 */
export async function measureCustomers(
  db: Db,
  measure: Measure,
  asOf: string,
  customerIds: readonly number[],
  options: { readonly referrals?: boolean } = {},
): Promise<PopulationColumns> {
  const referred = options.referrals ? await referredCustomerIds(db, customerIds) : [];
  const read = referred.length ? [...new Set([...customerIds, ...referred])] : customerIds;
  const base = await readBaseAggregates(db, { ...readOf(measure), asOf, customerIds: read });
  const columns = { ids: base.customerIds, metrics: derive(base, measure, asOf) };
  if (read === customerIds) return columns;
  const wanted = new Set(customerIds);
  const rows = Int32Array.from(
    Array.from(base.customerIds.keys()).filter((row) => wanted.has(base.customerIds[row]!)),
  );
  return restrict(columns, rows);
}

const readOf = (measure: Measure) => ({ windowMonths: measure.windowMonths, lateness: measure.lateness });

function derive(base: BaseAggregates, measure: Measure, asOf: string) {
  return deriveMetrics(
    {
      ids: base.customerIds,
      aggregates: base.columns,
      attributes: base.attributes,
      expectedCloseDay: base.expectedCloseDay,
      referrerIds: base.referrerIds,
    },
    asOf,
    measure.windowMonths,
    { costPerContact: measure.costPerContact },
  ).metrics;
}
