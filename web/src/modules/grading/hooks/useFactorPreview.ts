import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebounced } from '../../../shared/hooks/useDebounced';
import { gradingApi, type FactorPreviewRequest } from '../api/grading.api';

export function useFactorPreview(request: FactorPreviewRequest | undefined, delayMs = 400) {
  // By content: the editor builds a new request object on every render.
  const key = useDebounced(request ? JSON.stringify(request) : undefined, delayMs);
  return useQuery({
    queryKey: ['grading', 'factor-preview', key],
    queryFn: () => gradingApi.previewFactor(JSON.parse(key!) as FactorPreviewRequest),
    enabled: key !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}
