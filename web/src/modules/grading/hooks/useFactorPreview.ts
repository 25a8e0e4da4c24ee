import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { gradingApi, type FactorPreviewRequest } from '../api/grading.api';

/** The value once it has stopped changing for `ms`: a slider drag asks the server once, not on every step. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

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
