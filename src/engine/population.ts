import {
  asCategoryColumn,
  lazyColumns,
  takeRows,
  type CustomerMetrics,
  type MetricColumn,
  type PopulationColumns,
} from './columns.js';
import type { MetricId } from './metrics/catalogue.js';
import type { Model } from './model/schema.js';

type Filter = Model['population'];

const hasOrders = (orders: number | string | null | undefined): boolean =>
  typeof orders === 'number' && orders > 0;

/** Whether one customer belongs to the model's population. */
export function inPopulation(model: Model, metrics: CustomerMetrics): boolean {
  const { customerTypes, lifecycleStages, hasOrders: wantOrders } = model.population;
  const inList = (list: readonly string[] | undefined, value: unknown) =>
    !list || (typeof value === 'string' && list.includes(value));
  return (
    inList(customerTypes, metrics.customer_type) &&
    inList(lifecycleStages, metrics.lifecycle_stage) &&
    (wantOrders === undefined || hasOrders(metrics.frequency) === wantOrders)
  );
}

/** Clears `keep[i]` for rows whose category is not in `allowed` (a missing column keeps nobody). */
function keepCategories(keep: Uint8Array, column: MetricColumn | undefined, allowed: readonly string[]) {
  if (!column) return keep.fill(0);
  const { codes, dictionary } = asCategoryColumn(column);
  const allowedCode = Uint8Array.from(dictionary, (value) => (allowed.includes(value) ? 1 : 0));
  for (let i = 0; i < codes.length; i++) if (codes[i]! < 0 || !allowedCode[codes[i]!]) keep[i] = 0;
}

/** Input rows in the population, or undefined when the filter keeps every row (no copy needed). */
export function populationRows(model: Model, columns: PopulationColumns): Int32Array | undefined {
  const filter: Filter = model.population;
  const n = columns.ids.length;
  const keep = new Uint8Array(n).fill(1);
  if (filter.customerTypes) keepCategories(keep, columns.metrics.customer_type, filter.customerTypes);
  if (filter.lifecycleStages) keepCategories(keep, columns.metrics.lifecycle_stage, filter.lifecycleStages);
  if (filter.hasOrders !== undefined) {
    const orders = columns.metrics.frequency;
    for (let i = 0; i < n; i++) {
      const value = orders instanceof Float64Array ? orders[i]! : Number.NaN;
      if (value > 0 !== filter.hasOrders) keep[i] = 0;
    }
  }
  let kept = 0;
  for (let i = 0; i < n; i++) kept += keep[i]!;
  if (kept === n) return undefined;
  const rows = new Int32Array(kept);
  for (let i = 0, k = 0; i < n; i++) if (keep[i]) rows[k++] = i;
  return rows;
}

/** The columns of rows `rows`; each metric column is taken when first read (see `lazyColumns`). */
export function restrict(columns: PopulationColumns, rows: Int32Array): PopulationColumns {
  const ids = columns.ids instanceof Int32Array ? new Int32Array(rows.length) : new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) ids[i] = columns.ids[rows[i]!]!;
  const source = columns.metrics;
  const metrics = lazyColumns(
    Object.fromEntries(
      (Object.keys(source) as MetricId[]).map((metric) => [metric, () => takeRows(source[metric]!, rows)]),
    ),
  );
  return { ids, metrics };
}
