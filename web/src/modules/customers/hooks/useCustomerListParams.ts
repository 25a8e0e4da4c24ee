import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { customerSortKeys, type CustomerListParams, type CustomerSortKey } from '../api/customers.api';

export const listFilterKeys = [
  'type',
  'lifecycle',
  'province',
  'industry',
  'nature',
  'sizeBand',
  'source',
  'referral',
  'ownerId',
  'grade',
] as const;
export type ListFilterKey = (typeof listFilterKeys)[number];

export interface CustomerListState {
  params: CustomerListParams;
  /** Cursors of the pages before this one plus this one's; their count is the page number minus one. */
  cursors: string[];
  setSearch: (q: string) => void;
  setFilter: (key: ListFilterKey, values: string[]) => void;
  /** Another model's grade codes mean nothing, so choosing a model clears the grades. */
  setGradeModel: (modelId: string | undefined) => void;
  /** The filters and sort without the page, as a query string: what a saved view keeps. */
  filterQuery: string;
  applyFilterQuery: (query: string) => void;
  setSort: (sort: CustomerSortKey | undefined, order: 'asc' | 'desc' | undefined) => void;
  reset: () => void;
  next: (cursor: string) => void;
  previous: () => void;
}

const splitList = (value: string | null) => (value ? value.split(',').filter(Boolean) : undefined);

/**
 * The list's filters, sort and page live in the URL, so a filtered list can be bookmarked, shared and restored
 * with the back button. Keyset pages are a stack of cursors (`cursor` repeated): Previous pops one.
 */
export function useCustomerListParams(): CustomerListState {
  const [search, setSearchParams] = useSearchParams();

  const params = useMemo<CustomerListParams>(() => {
    const sort = customerSortKeys.find((key) => key === search.get('sort'));
    const order = search.get('order') === 'asc' ? 'asc' : search.get('order') === 'desc' ? 'desc' : undefined;
    const cursors = search.getAll('cursor');
    const result: CustomerListParams = {
      q: search.get('q') ?? undefined,
      gradeModelId: search.get('gradeModelId') ?? undefined,
      sort,
      order: sort ? order : undefined,
    };
    for (const key of listFilterKeys) result[key] = splitList(search.get(key));
    result.cursor = cursors.at(-1);
    return result;
  }, [search]);

  const update = useCallback(
    (change: (next: URLSearchParams) => void, keepPage = false) =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        if (!keepPage) next.delete('cursor');
        change(next);
        return next;
      }),
    [setSearchParams],
  );

  const setOrDelete = (next: URLSearchParams, key: string, value: string | undefined) => {
    if (value) next.set(key, value);
    else next.delete(key);
  };

  const withoutPage = new URLSearchParams(search);
  withoutPage.delete('cursor');

  return {
    params,
    cursors: search.getAll('cursor'),
    filterQuery: withoutPage.toString(),
    applyFilterQuery: (query) => setSearchParams(new URLSearchParams(query)),
    setGradeModel: (modelId) =>
      update((next) => {
        setOrDelete(next, 'gradeModelId', modelId);
        next.delete('grade');
      }),
    setSearch: (q) => update((next) => setOrDelete(next, 'q', q.trim() || undefined)),
    setFilter: (key, values) => update((next) => setOrDelete(next, key, values.join(',') || undefined)),
    setSort: (sort, order) =>
      update((next) => {
        setOrDelete(next, 'sort', sort && order ? sort : undefined);
        setOrDelete(next, 'order', sort && order ? order : undefined);
      }),
    reset: () => setSearchParams(new URLSearchParams()),
    next: (cursor) => update((next) => next.append('cursor', cursor), true),
    previous: () =>
      update((next) => {
        const cursors = next.getAll('cursor').slice(0, -1);
        next.delete('cursor');
        for (const cursor of cursors) next.append('cursor', cursor);
      }, true),
  };
}
