import type { TableProps } from 'antd';

/** A list's server-side order as the page keeps it: nothing chosen means the API's default. */
export interface ListSort<K extends string> {
  readonly sort: K | undefined;
  readonly order: 'asc' | 'desc' | undefined;
}

export const defaultSort = { sort: undefined, order: undefined } as const;

const sortOrders = { asc: 'ascend', desc: 'descend' } as const;

/** The column props that show `key` as the list's sort and let a click on its header ask for it. */
export function sortableColumn<K extends string>(current: ListSort<K>, key: K) {
  return {
    key,
    sorter: true,
    sortOrder: current.sort === key && current.order ? sortOrders[current.order] : null,
  };
}

/** The sort a click on a column header asks for (the column's key); the default again when it is cleared. */
export function sortFromTable<K extends string, Row>(
  sorter: Parameters<NonNullable<TableProps<Row>['onChange']>>[2],
): ListSort<K> {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!single?.order) return defaultSort;
  return { sort: single.columnKey as K, order: single.order === 'ascend' ? 'asc' : 'desc' };
}
