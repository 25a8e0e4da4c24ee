import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { customerKeys } from '../../customers/hooks/useCustomers';
import { worklistApi, type ItemKind, type SnoozeInput, type WorklistView } from '../api/worklist.api';

/**
 * Under the customers key: logging an activity, an order or a release refreshes everything about customers, and the
 * worklist with it, so a closed item leaves the list without a reload.
 */
export const worklistKeys = {
  all: [...customerKeys.all, 'worklist'] as const,
  list: (view: WorklistView, userId?: number, kinds?: readonly ItemKind[]) =>
    [...customerKeys.all, 'worklist', view, userId ?? null, kinds ?? null] as const,
};

export function useWorklist(view: WorklistView, userId?: number, kinds?: readonly ItemKind[]) {
  return useQuery({
    queryKey: worklistKeys.list(view, userId, kinds),
    queryFn: () => worklistApi.get(view, userId, kinds),
    placeholderData: keepPreviousData,
  });
}

export function useWorklistUsers(enabled: boolean) {
  return useQuery({ queryKey: ['worklist-users'], queryFn: worklistApi.users, enabled });
}

export function useSnooze() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SnoozeInput) => worklistApi.snooze(input),
    onSuccess: () => client.invalidateQueries({ queryKey: worklistKeys.all }),
  });
}
