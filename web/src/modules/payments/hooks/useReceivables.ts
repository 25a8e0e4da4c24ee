import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { paymentsApi, type PaymentListParams, type ReceivablesFilter } from '../api/payments.api';

export function useAging(filter: ReceivablesFilter) {
  return useQuery({
    queryKey: ['receivables', filter],
    queryFn: () => paymentsApi.aging(filter),
    placeholderData: keepPreviousData,
  });
}

export function usePaymentList(params: PaymentListParams) {
  return useQuery({
    queryKey: ['payments', params],
    queryFn: () => paymentsApi.list(params),
    placeholderData: keepPreviousData,
  });
}

/** What a settled payment changes: the aging, the lists, and its customer (credit figures, instant grades). */
const settledKeys = [['receivables'], ['payments'], ['customers']];

export function useRecordPaid() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...receipt }: { id: number; amount: string; paidDate: string }) =>
      paymentsApi.recordReceipt(id, receipt),
    onSuccess: () => Promise.all(settledKeys.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
