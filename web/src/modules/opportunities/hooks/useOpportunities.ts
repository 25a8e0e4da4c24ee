import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { opportunitiesApi, type OpportunityListParams, type StageInput } from '../api/opportunities.api';

export function useOpportunityStages() {
  return useQuery({
    queryKey: ['opportunity-stages'],
    queryFn: opportunitiesApi.stages,
    staleTime: 5 * 60_000,
  });
}

export function useOpportunityList(params: OpportunityListParams) {
  return useQuery({
    queryKey: ['opportunities', params],
    queryFn: () => opportunitiesApi.list(params),
    placeholderData: keepPreviousData,
  });
}

/** What shows opportunities or weighs them: refreshed after any change to one of them or to a stage. */
const pipelineKeys = [['customers'], ['funnel'], ['opportunities']];

/**
 * Creates an opportunity for the customer, or updates one. The customer's grades (the prospect grade follows the
 * earliest open close date), its history, the funnel and the opportunity list all change with it.
 */
export function useSaveOpportunity(customerId: number, opportunityId?: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      opportunityId === undefined
        ? opportunitiesApi.create({ ...input, customerId })
        : opportunitiesApi.update(opportunityId, input),
    onSuccess: () => Promise.all(pipelineKeys.map((queryKey) => client.invalidateQueries({ queryKey }))),
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
      Promise.all(
        [['opportunity-stages'], ...pipelineKeys].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}
