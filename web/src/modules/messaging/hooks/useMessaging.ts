import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebounced } from '../../../shared/hooks/useDebounced';
import {
  channelsApi,
  messagingApi,
  type ChannelInput,
  type MessageFilter,
  type TemplateInput,
} from '../api/messaging.api';

const keys = {
  templates: ['messages', 'templates'] as const,
  batches: ['messages', 'batches'] as const,
  batch: (id: number) => ['messages', 'batches', id] as const,
  messages: (filter: MessageFilter) => ['messages', 'list', filter] as const,
};

/** Outbox figures move while the worker sends: lists of batches and messages refresh on their own meanwhile. */
const WHILE_SENDING_MS = 3000;

export function useTemplates() {
  return useQuery({ queryKey: keys.templates, queryFn: messagingApi.templates });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: TemplateInput }) =>
      id === undefined ? messagingApi.createTemplate(input) : messagingApi.updateTemplate(id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.templates }),
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: messagingApi.deleteTemplate,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.templates }),
  });
}

export function useBatches() {
  return useQuery({
    queryKey: keys.batches,
    queryFn: messagingApi.batches,
    refetchInterval: (query) =>
      query.state.data?.items.some((batch) => batch.counts.queued + batch.counts.sending > 0)
        ? WHILE_SENDING_MS
        : false,
  });
}

export function useBatch(id: number) {
  return useQuery({
    queryKey: keys.batch(id),
    queryFn: () => messagingApi.batch(id),
    refetchInterval: (query) =>
      (query.state.data?.counts.queued ?? 0) + (query.state.data?.counts.sending ?? 0) > 0
        ? WHILE_SENDING_MS
        : false,
  });
}

export function useMessages(filter: MessageFilter, live: boolean) {
  return useQuery({
    queryKey: keys.messages(filter),
    queryFn: () => messagingApi.messages(filter),
    placeholderData: keepPreviousData,
    refetchInterval: live ? WHILE_SENDING_MS : false,
  });
}

/** Every change to a batch or message moves counts in lists and details alike. */
function useOutboxMutation<A, R>(run: (argument: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: ['messages'] }),
  });
}

export const useCreateBatch = () => useOutboxMutation(messagingApi.createBatch);
export const useSendBatch = () => useOutboxMutation(messagingApi.sendBatch);
export const useRetryFailed = () => useOutboxMutation(messagingApi.retryFailed);
export const useRetryMessage = () => useOutboxMutation(messagingApi.retryMessage);
export const useExportBatch = () =>
  useOutboxMutation(({ id, format }: { id: number; format: 'csv' | 'xlsx' }) =>
    messagingApi.exportBatch(id, format),
  );

/** The editor's live preview: asks once typing pauses, and keeps the last preview on screen meanwhile. */
export function useTemplatePreview(input: Parameters<typeof messagingApi.previewTemplate>[0]) {
  const key = useDebounced(JSON.stringify(input), 300);
  return useQuery({
    queryKey: ['messages', 'template-preview', key],
    queryFn: () => messagingApi.previewTemplate(JSON.parse(key) as typeof input),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

/** A batch's counts and sample drafts for the segment being built, asked once the form settles. */
export function useBatchPreview(input: Parameters<typeof messagingApi.previewBatch>[0] | undefined) {
  const key = useDebounced(input ? JSON.stringify(input) : undefined, 400);
  return useQuery({
    queryKey: ['messages', 'batch-preview', key],
    queryFn: () => messagingApi.previewBatch(JSON.parse(key!) as NonNullable<typeof input>),
    enabled: key !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useChannels(enabled: boolean) {
  return useQuery({ queryKey: ['messages', 'channels'], queryFn: channelsApi.list, enabled });
}

/** Saving a channel changes whether batches can be sent: every messages query refreshes. */
export const useSaveChannel = () =>
  useOutboxMutation(({ id, input }: { id?: number; input: ChannelInput }) => {
    if (id === undefined) return channelsApi.create(input);
    const { kind: _kind, ...changes } = input;
    return channelsApi.update(id, changes);
  });
export const useDeleteChannel = () => useOutboxMutation(channelsApi.remove);
