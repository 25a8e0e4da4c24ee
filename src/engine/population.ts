import {
  cellValue,
  takeRows,
  type CustomerMetrics,
  type MetricColumn,
  type PopulationColumns,
} from './columns.js';
import type { MetricId } from './metrics/catalogue.js';
import type { Model } from './model/schema.js';

type Filter = Model['population'];

function accepts(filter: Filter, get: (metric: MetricId) => number | string | null): boolean {
  if (filter.customerTypes && !filter.customerTypes.includes(String(get('customer_type')))) return false;
  if (filter.lifecycleStages && !filter.lifecycleStages.includes(String(get('lifecycle_stage'))))
    return false;
  if (filter.hasOrders !== undefined) {
    const orders = get('frequency');
    if ((typeof orders === 'number' && orders > 0) !== filter.hasOrders) return false;
  }
  return true;
}

/** Whether one customer belongs to the model's population. */
export function inPopulation(model: Model, metrics: CustomerMetrics): boolean {
  return accepts(model.population, (m) => metrics[m] ?? null);
}

/** Input rows in the population, or undefined when the filter keeps every row (no copy needed). */
export function populationRows(model: Model, columns: PopulationColumns): Int32Array | undefined {
  const filter = model.population;
  if (!filter.customerTypes && !filter.lifecycleStages && filter.hasOrders === undefined) return undefined;
  const n = columns.ids.length;
  const rows = new Int32Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const row = i;
    const get = (m: MetricId) => {
      const column = columns.metrics[m];
      return column ? cellValue(column, row) : null;
    };
    if (accepts(filter, get)) rows[kept++] = i;
  }
  return kept === n ? undefined : rows.slice(0, kept);
}

export function restrict(columns: PopulationColumns, rows: Int32Array): PopulationColumns {
  const ids = columns.ids instanceof Int32Array ? new Int32Array(rows.length) : new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) ids[i] = columns.ids[rows[i]!]!;
  const metrics: Partial<Record<MetricId, MetricColumn>> = {};
  for (const [metric, column] of Object.entries(columns.metrics) as [MetricId, MetricColumn][])
    metrics[metric] = takeRows(column, rows);
  return { ids, metrics };
}
