import { useQuery } from '@tanstack/react-query';
import type { AnalyticsFilter } from '../../analytics/api/analytics.api';
import { clvApi } from '../api/clv.api';

export function useCustomerForecast(customerId: number) {
  return useQuery({ queryKey: ['clv', 'forecast', customerId], queryFn: () => clvApi.forecast(customerId) });
}

export function useClvByGrade(modelId: number | undefined, filter: AnalyticsFilter) {
  return useQuery({
    queryKey: ['clv', 'by-grade', modelId, filter],
    queryFn: () => clvApi.byGrade(modelId ?? 0, filter),
    enabled: modelId !== undefined,
  });
}

export function useGrowable(modelId: number | undefined, filter: AnalyticsFilter) {
  return useQuery({
    queryKey: ['clv', 'growable', modelId, filter],
    queryFn: () => clvApi.growable(modelId ?? 0, filter),
    enabled: modelId !== undefined,
  });
}
