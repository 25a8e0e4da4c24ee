import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { gradingApi, type ModelDefinition, type OverrideInput } from '../api/grading.api';
import type { RunResultsFilter } from '../resultsFilter';

export const gradingKeys = {
  models: ['grading', 'models'] as const,
  model: (id: number) => ['grading', 'models', id] as const,
  metrics: ['grading', 'metrics'] as const,
  runs: (modelId?: number) => ['grading', 'runs', 'list', modelId ?? 'all'] as const,
  run: (id: number) => ['grading', 'runs', id] as const,
  results: (id: number, filter: RunResultsFilter, cursor?: string) =>
    ['grading', 'runs', id, 'results', filter, cursor] as const,
  customer: (customerId: number) => ['customers', customerId, 'grades'] as const,
  explanation: (customerId: number, modelId: number) =>
    ['customers', customerId, 'grades', 'explanation', modelId] as const,
};

export function useModels() {
  return useQuery({ queryKey: gradingKeys.models, queryFn: gradingApi.models });
}

export function useModel(id: number) {
  return useQuery({ queryKey: gradingKeys.model(id), queryFn: () => gradingApi.model(id), enabled: id > 0 });
}

export function useMetrics() {
  return useQuery({ queryKey: gradingKeys.metrics, queryFn: gradingApi.metrics, staleTime: Infinity });
}

export function useRuns(modelId?: number) {
  return useQuery({ queryKey: gradingKeys.runs(modelId), queryFn: () => gradingApi.runs(modelId) });
}

export function useRun(id: number) {
  return useQuery({ queryKey: gradingKeys.run(id), queryFn: () => gradingApi.run(id), enabled: id > 0 });
}

export function useRunResults(id: number, filter: RunResultsFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: gradingKeys.results(id, filter, cursor),
    queryFn: () => gradingApi.results(id, filter, { cursor, limit: 20 }),
    enabled: id > 0,
  });
}

/** Anything a run or a model change touches: runs, models, every customer's grades and the dashboard. */
function useInvalidateGrading() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['grading'] }),
      client.invalidateQueries({ queryKey: ['analytics'] }),
      client.invalidateQueries({ queryKey: ['customers'] }),
    ]);
}

export function useStartRun() {
  const invalidate = useInvalidateGrading();
  return useMutation({
    mutationFn: ({ modelId, asOf }: { modelId: number; asOf?: string }) => gradingApi.startRun(modelId, asOf),
    onSuccess: invalidate,
  });
}

export function useVerifyRun() {
  return useMutation({ mutationFn: (id: number) => gradingApi.verify(id) });
}

export function useWhatIf(modelId: number) {
  return useMutation({ mutationFn: (definition: ModelDefinition) => gradingApi.whatIf(modelId, definition) });
}

export function useSaveVersion(modelId: number) {
  const invalidate = useInvalidateGrading();
  return useMutation({
    mutationFn: ({ definition, note }: { definition: ModelDefinition; note?: string }) =>
      gradingApi.addVersion(modelId, definition, note),
    onSuccess: invalidate,
  });
}

export function useChangeModel() {
  const invalidate = useInvalidateGrading();
  return useMutation({
    mutationFn: ({
      id,
      ...change
    }: {
      id: number;
      active?: boolean;
      schedule?: string | null;
      currentVersion?: number;
    }) => gradingApi.changeModel(id, change),
    onSuccess: invalidate,
  });
}

export function useCustomerGrades(customerId: number) {
  return useQuery({
    queryKey: gradingKeys.customer(customerId),
    queryFn: () => gradingApi.customerGrades(customerId),
  });
}

export function useGradeHistory(customerId: number) {
  return useQuery({
    queryKey: [...gradingKeys.customer(customerId), 'history'],
    queryFn: () => gradingApi.gradeHistory(customerId),
  });
}

export function useExplanation(customerId: number, modelId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: gradingKeys.explanation(customerId, modelId ?? 0),
    queryFn: () => gradingApi.explanation(customerId, modelId ?? 0),
    enabled: enabled && modelId !== undefined,
  });
}

export function useOverride(customerId: number, modelId: number) {
  const client = useQueryClient();
  // An override changes more than the grade: the customer's history and timeline record it too.
  const invalidate = () => client.invalidateQueries({ queryKey: ['customers', customerId] });
  return {
    set: useMutation({
      mutationFn: (input: OverrideInput) => gradingApi.setOverride(customerId, modelId, input),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: () => gradingApi.removeOverride(customerId, modelId),
      onSuccess: invalidate,
    }),
  };
}
