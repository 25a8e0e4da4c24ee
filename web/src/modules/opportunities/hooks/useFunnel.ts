import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { opportunitiesApi, type FunnelFilter } from '../api/opportunities.api';

export function useFunnel(filter: FunnelFilter) {
  return useQuery({
    queryKey: ['funnel', filter],
    queryFn: () => opportunitiesApi.funnel(filter),
    placeholderData: keepPreviousData,
  });
}
