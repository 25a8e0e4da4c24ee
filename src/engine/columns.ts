import type { MetricId } from './metrics/catalogue.js';

/** A categorical column, dictionary-coded: codes index `dictionary`, -1 is NULL. */
export interface CategoryColumn {
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/** Numbers are Float64Array with NaN for NULL; categories are dictionary-coded or plain string arrays. */
export type MetricColumn = Float64Array | CategoryColumn | readonly (string | null)[];

/** Metric columns by metric id, all of the same length. */
export type MetricColumns = Partial<Record<MetricId, MetricColumn>>;

/** One row per customer: ids and the metric columns the model needs, all of the same length. */
export interface PopulationColumns {
  readonly ids: Int32Array | Float64Array;
  readonly metrics: MetricColumns;
}

/**
 * One customer's metrics as a view on the columns, each read when the engine asks for it: a model reads a handful
 * of the catalogue's, and copying all of them for every customer cost more than scoring them (an import re-grades
 * thousands at once).
 */
export function rowView(columns: PopulationColumns, row: number): CustomerMetrics {
  return new Proxy({} as CustomerMetrics, {
    get: (_, id) => {
      const column = columns.metrics[id as MetricId];
      return column === undefined ? undefined : cellValue(column, row);
    },
    has: (_, id) => id in columns.metrics,
  });
}

/**
 * Metric columns computed on first use and kept: a model reads a handful of the catalogue's thirty metrics, and
 * at a million customers deriving (or restricting to a population) every one of them cost a third of a run's
 * compute. Enumerating the object (spread, `Object.entries`) computes them all, as a plain object would hold them.
 */
export function lazyColumns(makers: Partial<Record<MetricId, () => MetricColumn>>): MetricColumns {
  return lazyRecord(makers) as MetricColumns;
}

/** An object whose every property is computed on first read and kept. */
export function lazyRecord<K extends string, V>(makers: Partial<Record<K, () => V>>): Partial<Record<K, V>> {
  const record: Partial<Record<K, V>> = {};
  for (const [key, make] of Object.entries(makers) as [K, () => V][])
    Object.defineProperty(record, key, { enumerable: true, configurable: true, get: once(make) });
  return record;
}

/** `metrics` with `added` columns (replacing any of the same name), leaving lazy columns uncomputed. */
export function withColumns(metrics: MetricColumns, added: MetricColumns): MetricColumns {
  const columns = Object.defineProperties({}, Object.getOwnPropertyDescriptors(metrics));
  return Object.defineProperties(columns, Object.getOwnPropertyDescriptors(added)) as MetricColumns;
}

/** A value computed on first call and kept (an intermediate several lazy columns share). */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** One customer's metrics, for single-customer scoring (NaN or null for NULL). */
export type CustomerMetrics = Partial<Record<MetricId, number | string | null>>;

/**
 * Codes values as they come (NULL as −1, each distinct value its index in `dictionary`, in order of first
 * appearance): the one coding of categorical columns, whether from strings in memory or read from the database.
 */
export function categoryCoder(): { readonly dictionary: string[]; codeOf(value: string | null): number } {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  return {
    dictionary,
    codeOf(value) {
      if (value === null) return -1;
      let code = index.get(value);
      if (code === undefined) {
        code = dictionary.push(value) - 1;
        index.set(value, code);
      }
      return code;
    },
  };
}

export function asCategoryColumn(column: MetricColumn): CategoryColumn {
  if (column instanceof Float64Array) throw new TypeError('expected a categorical column, got numbers');
  if ('codes' in column) return column;
  const coder = categoryCoder();
  const codes = new Int32Array(column.length);
  column.forEach((value, i) => (codes[i] = coder.codeOf(value)));
  return { codes, dictionary: coder.dictionary };
}

export function columnLength(column: MetricColumn): number {
  return column instanceof Float64Array || Array.isArray(column)
    ? column.length
    : (column as CategoryColumn).codes.length;
}

/** The value of row `row` as a scalar, for explanations and single-customer views. */
export function cellValue(column: MetricColumn, row: number): number | string | null {
  if (column instanceof Float64Array) return column[row]!;
  if (Array.isArray(column)) return (column as readonly (string | null)[])[row] ?? null;
  const { codes, dictionary } = column as CategoryColumn;
  const code = codes[row]!;
  return code < 0 ? null : dictionary[code]!;
}

/**
 * Values at `rows`, in that order. A plain loop: `Float64Array.from(rows, map)` calls the map through the
 * iteration protocol, 0.57 s for a run's six dashboard figures at a million customers.
 */
export function takeNumbers(column: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]!]!;
  return out;
}

/** Rows `rows` of a column, in that order (used to restrict columns to a model's population). */
export function takeRows(column: MetricColumn, rows: Int32Array): MetricColumn {
  if (column instanceof Float64Array) return takeNumbers(column, rows);
  const { codes, dictionary } = asCategoryColumn(column);
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = codes[rows[i]!]!;
  return { codes: out, dictionary };
}
