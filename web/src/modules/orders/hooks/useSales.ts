import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ordersApi, type OrderListParams, type SalesFilter } from '../api/orders.api';

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
