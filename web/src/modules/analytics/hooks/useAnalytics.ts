import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { analyticsApi, type AnalyticsFilter } from '../api/analytics.api';

export function useRunAnalytics(runId: number | undefined, filter: AnalyticsFilter) {
  return useQuery({
    queryKey: ['analytics', 'summary', runId, filter],
    queryFn: () => analyticsApi.summary(runId ?? 0, filter),
    enabled: runId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTrend(modelId: number | undefined, filter: AnalyticsFilter) {
  return useQuery({
    queryKey: ['analytics', 'trend', modelId, filter],
    queryFn: () => analyticsApi.trend(modelId ?? 0, filter),
    enabled: modelId !== undefined,
  });
}

export function useFilteredMigration(
  fromRunId: number | undefined,
  toRunId: number | undefined,
  filter: AnalyticsFilter,
) {
  return useQuery({
    queryKey: ['analytics', 'migration', fromRunId, toRunId, filter],
    queryFn: () => analyticsApi.migration(fromRunId ?? 0, toRunId ?? 0, filter),
    enabled: fromRunId !== undefined && toRunId !== undefined,
  });
}
