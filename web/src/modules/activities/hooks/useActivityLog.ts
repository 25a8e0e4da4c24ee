import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { activitiesApi, type ActivityFilter, type ActivityListParams } from '../api/activities.api';

export function useActivitySummary(filter: ActivityFilter) {
  return useQuery({
    queryKey: ['activities', 'summary', filter],
    queryFn: () => activitiesApi.summary(filter),
    placeholderData: keepPreviousData,
  });
}

export function useActivityList(params: ActivityListParams) {
  return useQuery({
    queryKey: ['activities', 'list', params],
    queryFn: () => activitiesApi.list(params),
    placeholderData: keepPreviousData,
  });
}
