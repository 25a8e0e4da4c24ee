import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildQuery, type ItemList } from '../../../shared/api/client';
import type { SortOrder } from '../../../shared/components/sortableColumns';
import { customerKeys } from './useCustomers';

/**
 * The records a customer owns (contacts, orders, payments, activities, opportunities, relationships, history) and the
 * customers it referred, one list each.
 */
export type CustomerResource =
  | 'contacts'
  | 'orders'
  | 'payments'
  | 'activities'
  | 'opportunities'
  | 'relationships'
  | 'history'
  | 'referrals';

/** The lists a record can be created in from the customer's page (history and referrals only show). */
export type WritableCustomerResource = Exclude<CustomerResource, 'history' | 'referrals'>;

/** Transactions and opportunities come as a page (in the order asked, with the total); the others as a whole list. */
export type RecordList<T> = ItemList<T> & { total?: number };

const pagedResources: readonly CustomerResource[] = ['orders', 'payments', 'activities', 'opportunities'];
const PAGE_LIMIT = 200;

/**
 * Whether a list loaded before is the same customer's same tab (in another order): its rows then stay on screen
 * until the sorted ones arrive; another customer's, or another tab's, never stand in for these.
 */
export const isSameRecordList = (
  previousKey: readonly unknown[] | undefined,
  customerId: number,
  resource: CustomerResource,
): boolean => previousKey?.[1] === customerId && previousKey[2] === resource;

/** A customer's records; a paged list in `order` when given, the server's own order otherwise. */
export function useCustomerRecords<T, L extends RecordList<T> = RecordList<T>>(
  customerId: number,
  resource: CustomerResource,
  order?: SortOrder<string>,
) {
  const query = pagedResources.includes(resource) ? buildQuery({ limit: PAGE_LIMIT, ...order }) : '';
  return useQuery({
    queryKey: [...customerKeys.records(customerId, resource), order ?? null],
    placeholderData: (previous, previousQuery) =>
      isSameRecordList(previousQuery?.queryKey, customerId, resource) ? previous : undefined,
    queryFn: () => api.get<L>(`/customers/${customerId}/${resource}${query}`),
  });
}

/**
 * Creates a record under the customer. Everything about the customer is refreshed afterwards: an order or a
 * payment changes its totals, an activity its last contact, and every change adds to its history.
 */
export function useCreateCustomerRecord<I, T = unknown>(
  customerId: number,
  resource: WritableCustomerResource,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.post<T>(`/${resource}`, { ...input, customerId }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}
