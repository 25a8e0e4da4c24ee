import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { customerKeys } from '../../customers/hooks/useCustomers';
import { poolApi, type PoolQuery } from '../api/pool.api';

/** Pool moves change owners: the pool, the customer lists and the worklists are refreshed together. */
const poolKey = ['pool'] as const;

export function usePool(query: PoolQuery) {
  return useQuery({
    queryKey: [...poolKey, query],
    queryFn: () => poolApi.list(query),
    placeholderData: keepPreviousData,
  });
}

function usePoolMutation<I, T>(mutationFn: (input: I) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: poolKey }),
        client.invalidateQueries({ queryKey: customerKeys.all }),
      ]);
    },
  });
}

export const useClaim = () => usePoolMutation((customerId: number) => poolApi.claim(customerId));
export const useRelease = () =>
  usePoolMutation(({ customerId, note }: { customerId: number; note?: string }) =>
    poolApi.release(customerId, note),
  );
export const useRecall = () => usePoolMutation(() => poolApi.recall());
