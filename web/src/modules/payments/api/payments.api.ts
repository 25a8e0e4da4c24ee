import { api, buildQuery, type Page } from '../../../shared/api/client';
import type { ExportFormat } from '../../../shared/components/ExportMenu';

export interface Payment {
  id: number;
  customerId: number;
  customerName: string;
  customerCode: string;
  ownerId: number | null;
  ownerName: string | null;
  orderId: number | null;
  orderNo: string | null;
  dueDate: string;
  paidDate: string | null;
  amount: string;
  daysLate: number;
  note: string | null;
  /** The payment this one was received of, in part. */
  splitFromId: number | null;
}

/** An aging bracket of days past due; the report lists the server's brackets in their order. */
export type AgingBucket = 'not_due' | 'd1_30' | 'd31_60' | 'd61_90' | 'd91_180' | 'over_180';

/** The brackets as the server defines them, from a report it sent. */
export const bucketsOf = (report: AgingReport): AgingBucket[] => report.total.buckets.map((b) => b.bucket);

export interface AgingFigure {
  count: number;
  amount: string;
}

export interface AgingFigures {
  buckets: (AgingFigure & { bucket: AgingBucket })[];
  outstanding: AgingFigure;
  overdue: AgingFigure;
}

export interface AgingReport {
  asOf: string;
  total: AgingFigures;
  owners: (AgingFigures & { ownerId: number | null; ownerName: string | null })[];
}

/** Whose receivables, and on which day (today when absent). */
export interface ReceivablesFilter {
  ownerId?: number;
  teamId?: number;
  asOf?: string;
}

export type PaymentStatus = 'outstanding' | 'overdue' | 'paid';

/** What the payment list can be sorted by; days late are counted on the list's day. */
export type PaymentSortKey = 'dueDate' | 'paidDate' | 'amount' | 'daysLate';

export interface PaymentListParams extends ReceivablesFilter {
  status?: PaymentStatus;
  bucket?: AgingBucket;
  sort?: PaymentSortKey;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

export const paymentsApi = {
  aging: (filter: ReceivablesFilter) =>
    api.get<AgingReport>(`/receivables/aging${buildQuery({ ...filter })}`),
  list: (params: PaymentListParams) => api.get<Page<Payment>>(`/payments${buildQuery({ ...params })}`),
  /** The whole list the filters match, not the page on screen. */
  exportUrl: ({ cursor: _cursor, limit: _limit, ...filters }: PaymentListParams, format: ExportFormat) =>
    `/api/exports/payments${buildQuery({ ...filters, format })}`,
  /** Money received: all of what the payment asks settles it; a part leaves the rest owed as `remaining`. */
  recordReceipt: (id: number, receipt: { amount: string; paidDate: string }) =>
    api.post<{ paid: Payment; remaining: Payment | null }>(`/payments/${id}/receipts`, receipt),
};
