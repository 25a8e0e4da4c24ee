import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  customersApi,
  filtersOf,
  type CustomerInput,
  type CustomerListParams,
  type CustomerMergeInput,
} from '../api/customers.api';

export const customerKeys = {
  all: ['customers'] as const,
  list: (params: CustomerListParams) => ['customers', 'list', params] as const,
  count: (filters: CustomerListParams) => ['customers', 'count', filters] as const,
  detail: (id: number) => ['customers', id] as const,
  records: (id: number, resource: string) => ['customers', id, resource] as const,
};

export function useCustomerList(params: CustomerListParams) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: () => customersApi.list(params),
    placeholderData: keepPreviousData,
  });
}

/** How many customers the list's filters select (the page's cursor and order do not change it). */
export function useCustomerCount(params: CustomerListParams) {
  const filters = filtersOf(params);
  return useQuery({
    queryKey: customerKeys.count(filters),
    queryFn: () => customersApi.count(filters),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: () => customersApi.get(id),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCreateCustomer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomerInput) => customersApi.create(input),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useUpdateCustomer(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomerInput) => customersApi.update(id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useBulkAssign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, ownerId }: { ids: number[]; ownerId: number }) =>
      customersApi.bulkAssign(ids, ownerId),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useDuplicateGroups(limit: number, offset: number) {
  return useQuery({
    queryKey: ['customers', 'duplicates', limit, offset],
    queryFn: () => customersApi.duplicates(limit, offset),
    placeholderData: keepPreviousData,
  });
}

/** The full records a merge compares, kept apart from the customer pages' queries: a merge removes some of them. */
export const mergeCandidateKey = (id: number) => ['merge-candidate', id] as const;

/**
 * After a merge every customer query may be stale: the survivor's records, the lists, the duplicates. The merged
 * customers' own queries are dropped rather than refetched: they are gone, and their old pages should say so.
 */
export function useMergeCustomers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ survivorId, input }: { survivorId: number; input: CustomerMergeInput }) =>
      customersApi.merge(survivorId, input),
    onSuccess: (result) => {
      for (const { id } of result.merged) {
        client.removeQueries({ queryKey: customerKeys.detail(id) });
        client.removeQueries({ queryKey: mergeCandidateKey(id) });
      }
      return client.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}
