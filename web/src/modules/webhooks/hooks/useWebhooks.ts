import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { webhooksApi, type WebhookInput } from '../api/webhooks.api';

const webhooksKey = ['webhooks'];

export function useWebhooks() {
  return useQuery({ queryKey: webhooksKey, queryFn: webhooksApi.list });
}

/** A delivery moves from pending to delivered or failed in the background: the log is read again while open. */
export function useDeliveries(webhookId: number, cursor: string | undefined) {
  return useQuery({
    queryKey: [...webhooksKey, webhookId, 'deliveries', cursor ?? ''],
    queryFn: () => webhooksApi.deliveries(webhookId, cursor),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((delivery) => delivery.status === 'pending') ? 2_000 : false,
  });
}

function useInvalidateWebhooks() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: webhooksKey });
}

export function useSaveWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: WebhookInput }) =>
      id === undefined ? webhooksApi.create(input) : webhooksApi.update(id, input),
    onSuccess: invalidate,
  });
}

export function useDeleteWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({ mutationFn: webhooksApi.remove, onSuccess: invalidate });
}

export function useTestWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({ mutationFn: webhooksApi.test, onSuccess: invalidate });
}

export function useRetryDelivery() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({ mutationFn: webhooksApi.retry, onSuccess: invalidate });
}
