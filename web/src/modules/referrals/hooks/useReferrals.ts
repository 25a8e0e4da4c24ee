import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnalyticsFilter } from '../../analytics/api/analytics.api';
import { referralsApi } from '../api/referrals.api';

export function useRunReferrals(runId: number, filter: AnalyticsFilter) {
  return useQuery({
    queryKey: ['analytics', 'referrals', runId, filter],
    queryFn: () => referralsApi.analysis(runId, filter),
    placeholderData: keepPreviousData,
  });
}
