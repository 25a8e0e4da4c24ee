import { useMemo } from 'react';
import type { GradingModel } from '../api/grading.api';
import { useModels } from './useGrading';

/** Models by id, for lists of runs that carry only a model id. */
export function useModelLookup() {
  const models = useModels();
  const byId = useMemo(() => new Map((models.data?.items ?? []).map((m) => [m.id, m])), [models.data]);
  return { models, byId: byId as ReadonlyMap<number, GradingModel> };
}
