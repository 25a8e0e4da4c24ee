import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { alertsApi } from '../api/alerts.api';

const alertKeys = {
  all: ['alerts'] as const,
  summary: ['alerts', 'summary'] as const,
  list: (unreadOnly: boolean) => ['alerts', 'list', unreadOnly] as const,
};

/** Polled, so that the header's badge shows alerts raised by runs and by the nightly pool recall without a reload. */
export function useAlertSummary() {
  return useQuery({ queryKey: alertKeys.summary, queryFn: alertsApi.summary, refetchInterval: 60_000 });
}

export function useAlerts(unreadOnly: boolean) {
  return useQuery({ queryKey: alertKeys.list(unreadOnly), queryFn: () => alertsApi.list(unreadOnly) });
}

export function useMarkAlertsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number | 'all'): Promise<void> => {
      await (id === 'all' ? alertsApi.readAll() : alertsApi.read(id));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
