import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { customerKeys } from '../../customers/hooks/useCustomers';
import { assignmentApi, type AppliedMove } from '../api/assignment.api';

export const useAssignmentPlan = (teamId?: number) =>
  useQuery({ queryKey: ['assignment', teamId ?? null], queryFn: () => assignmentApi.plan(teamId) });

/** Applying changes owners: the plan, compliance and the customer lists all refresh. */
export function useApplyPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { teamId?: number; moves: AppliedMove[] }) => assignmentApi.apply(body),
    onSuccess: async () => {
      await Promise.all(
        [['assignment'], ['compliance'], customerKeys.all].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}
