import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ordersApi, type OrderListParams, type SalesFilter, type TargetChange } from '../api/orders.api';

export function useSalesSummary(filter: SalesFilter) {
  return useQuery({
    queryKey: ['orders', 'summary', filter],
    queryFn: () => ordersApi.summary(filter),
    placeholderData: keepPreviousData,
  });
}

export function useOrderList(params: OrderListParams) {
  return useQuery({
    queryKey: ['orders', 'list', params],
    queryFn: () => ordersApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useTargetGrid(year: number) {
  return useQuery({ queryKey: ['orders', 'targets', year], queryFn: () => ordersApi.targets(year) });
}

/** Saved targets change the grid and every summary measured against them. */
export function useSetTargets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (targets: TargetChange[]) => ordersApi.setTargets(targets),
    onSuccess: () => client.invalidateQueries({ queryKey: ['orders'] }),
  });
}
