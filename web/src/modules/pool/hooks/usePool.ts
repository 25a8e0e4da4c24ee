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

interface PoolMove {
  /** The page is about to leave the customer (a rep's released customer is out of scope): mark, do not refetch. */
  leaving?: boolean;
}

function usePoolMutation<I extends PoolMove | number | void, T>(mutationFn: (input: I) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (_result, input) => {
      const refetchType = typeof input === 'object' && input?.leaving ? 'none' : 'active';
      await Promise.all([
        client.invalidateQueries({ queryKey: poolKey, refetchType }),
        client.invalidateQueries({ queryKey: customerKeys.all, refetchType }),
      ]);
    },
  });
}

export const useClaim = () => usePoolMutation((customerId: number) => poolApi.claim(customerId));
export const useRelease = () =>
  usePoolMutation(({ customerId, note }: { customerId: number; note?: string } & PoolMove) =>
    poolApi.release(customerId, note),
  );
export const useRecall = () => usePoolMutation(() => poolApi.recall());
