import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { opportunitiesApi, type StageInput } from '../api/opportunities.api';

export function useOpportunityStages() {
  return useQuery({
    queryKey: ['opportunity-stages'],
    queryFn: opportunitiesApi.stages,
    staleTime: 5 * 60_000,
  });
}

export function useCustomerOpportunities(customerId: number) {
  return useQuery({
    queryKey: ['customers', customerId, 'opportunities'],
    queryFn: () => opportunitiesApi.ofCustomer(customerId),
  });
}

/**
 * Creates an opportunity for the customer, or updates one. The customer's grades (the prospect grade follows the
 * earliest open close date), its history and the funnel all change with it, so they are refreshed too.
 */
export function useSaveOpportunity(customerId: number, opportunityId?: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      opportunityId === undefined
        ? opportunitiesApi.create({ ...input, customerId })
        : opportunitiesApi.update(opportunityId, input),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['customers'] }),
        client.invalidateQueries({ queryKey: ['funnel'] }),
      ]),
  });
}

/** Kept under the customer's key, so that saving any of its opportunities refreshes it with the rest. */
export function useStageHistory(customerId: number, opportunityId: number) {
  return useQuery({
    queryKey: ['customers', customerId, 'opportunities', opportunityId, 'stage-history'],
    queryFn: () => opportunitiesApi.stageHistory(opportunityId),
  });
}

/** An admin's change to a stage: every list that names stages or weighs amounts by their probability follows it. */
export function useUpdateStage(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StageInput) => opportunitiesApi.updateStage(code, input),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['opportunity-stages'] }),
        client.invalidateQueries({ queryKey: ['funnel'] }),
        client.invalidateQueries({ queryKey: ['customers'] }),
      ]),
  });
}
