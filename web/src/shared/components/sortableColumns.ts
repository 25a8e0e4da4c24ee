import { useState } from 'react';
import type { TableProps } from 'antd';

/** A list's server-side order as the page keeps it: nothing chosen means the API's default. */
export interface ListSort<K extends string> {
  readonly sort: K | undefined;
  readonly order: 'asc' | 'desc' | undefined;
}

/** An order the server is asked for: a key and a direction. */
export interface SortOrder<K extends string> {
  readonly sort: K;
  readonly order: 'asc' | 'desc';
}

const defaultSort = { sort: undefined, order: undefined } as const;

const sortOrders = { asc: 'ascend', desc: 'descend' } as const;

/** The column props that show `key` as the list's sort and let a click on its header ask for it. */
export function sortableColumn<K extends string>(current: ListSort<K>, key: K) {
  return {
    key,
    sorter: true,
    sortOrder: current.sort === key && current.order ? sortOrders[current.order] : null,
  };
}

/** Ascending, descending, ascending again: never "no order", which would look the same as the fallback's. */
const withoutCancel: ('ascend' | 'descend')[] = ['ascend', 'descend', 'ascend'];

/**
 * The column props of a list that always has an order (`useListSort`'s): the column shows it when it is the one,
 * and a click turns it the other way, where a cancelled sort would only bring the fallback back.
 */
export function alwaysSortedColumn<K extends string>(current: SortOrder<K>, key: K) {
  return { ...sortableColumn(current, key), sortDirections: withoutCancel };
}

/** A table's columns made sortable by their key under `sorting`, or left as they are in a table without it. */
export const sortableBy =
  <K extends string>(sorting: SortOrder<K> | undefined) =>
  (key: K) =>
    sorting ? alwaysSortedColumn(sorting, key) : {};

/** The sort a click on a column header asks for (the column's key); the default again when it is cleared. */
export function sortFromTable<K extends string, Row>(
  sorter: Parameters<NonNullable<TableProps<Row>['onChange']>>[2],
): ListSort<K> {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!single?.order) return defaultSort;
  return { sort: single.columnKey as K, order: single.order === 'ascend' ? 'asc' : 'desc' };
}

/**
 * A list sorted by the server through its column headers: `order` is the one chosen by a header, or `fallback`
 * (shown on its column) until one is; `onTableChange` is the table's `onChange`.
 */
export function useListSort<K extends string, Row>(fallback: SortOrder<K>) {
  const [chosen, setChosen] = useState<ListSort<K>>(defaultSort);
  const order: SortOrder<K> =
    chosen.sort && chosen.order ? { sort: chosen.sort, order: chosen.order } : fallback;
  const onTableChange: NonNullable<TableProps<Row>['onChange']> = (_pagination, _filters, sorter) =>
    setChosen(sortFromTable<K, Row>(sorter));
  return { order, onTableChange };
}
