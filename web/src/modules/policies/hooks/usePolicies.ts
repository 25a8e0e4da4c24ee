import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { policiesApi, type PolicyRule } from '../api/policies.api';

/** Policies drive compliance and the assignment plan: a change refreshes those too. */
const policyKey = ['policies'] as const;

export const usePolicies = () => useQuery({ queryKey: policyKey, queryFn: policiesApi.list });

export const usePolicy = (id: number | undefined) =>
  useQuery({ queryKey: [...policyKey, id], queryFn: () => policiesApi.get(id!), enabled: id !== undefined });

export const usePolicyVersion = (id: number | undefined, version: number | undefined) =>
  useQuery({
    queryKey: [...policyKey, id, 'version', version],
    queryFn: () => policiesApi.version(id!, version!),
    enabled: id !== undefined && version !== undefined,
  });

function usePolicyMutation<I, T>(mutationFn: (input: I) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(
        [policyKey, ['compliance'], ['assignment']].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
    },
  });
}

export const useSavePolicyRules = (id: number) =>
  usePolicyMutation((body: { rules: PolicyRule[]; note?: string | null }) =>
    policiesApi.addVersion(id, body),
  );

export const useChangePolicy = (id: number) =>
  usePolicyMutation((body: { active?: boolean; priority?: number }) => policiesApi.change(id, body));
