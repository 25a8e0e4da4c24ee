import { api, buildQuery, type Page } from '../../../shared/api/client';
import type { ExportFormat } from '../../../shared/components/ExportMenu';
import type { OrderStatus } from '../../../shared/enums';

export interface Order {
  id: number;
  customerId: number;
  customerName: string;
  customerCode: string;
  ownerId: number | null;
  ownerName: string | null;
  orderNo: string;
  orderDate: string;
  amount: string;
  cost: string | null;
  grossProfit: string | null;
  currency: string;
  status: OrderStatus;
  note: string | null;
}

/** Whose customers' sales (their account manager, their team), in which days. */
export interface SalesFilter {
  ownerId?: number;
  teamId?: number;
  from?: string;
  to?: string;
}

export interface SalesFigures {
  orders: number;
  amount: string;
  grossProfit: string;
  profitedAmount: string;
  customers: number;
  previousAmount: string;
  /** The period's share of the monthly targets; null when none is set. */
  target: string | null;
  attainment: number | null;
}

export interface TargetGrid {
  year: number;
  users: {
    userId: number;
    userName: string;
    role: string;
    teamId: number | null;
    teamName: string | null;
    /** January to December; null where no target is set. */
    months: (string | null)[];
    total: string;
  }[];
}

export interface TargetChange {
  userId: number;
  month: string;
  amount: string | null;
}

export interface SalesSummary {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  total: SalesFigures;
  owners: (SalesFigures & { ownerId: number | null; ownerName: string | null })[];
}

/** What the order list can be sorted by; orders without a gross profit come last either way. */
export type OrderSortKey = 'orderDate' | 'amount' | 'grossProfit' | 'orderNo';

export const ordersNewestFirst = { sort: 'orderDate', order: 'desc' } as const;

export interface OrderListParams extends SalesFilter {
  status?: readonly OrderStatus[];
  sort?: OrderSortKey;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

export const ordersApi = {
  summary: (filter: SalesFilter) => api.get<SalesSummary>(`/sales-summary${buildQuery({ ...filter })}`),
  targets: (year: number) => api.get<TargetGrid>(`/sales-targets${buildQuery({ year })}`),
  setTargets: (targets: TargetChange[]) => api.put<{ updated: number }>('/sales-targets', { targets }),
  list: (params: OrderListParams) => api.get<Page<Order>>(`/orders${buildQuery({ ...params })}`),
  /** The whole list the filters match, not the page on screen. */
  exportUrl: ({ cursor: _cursor, limit: _limit, ...filters }: OrderListParams, format: ExportFormat) =>
    `/api/exports/orders${buildQuery({ ...filters, format })}`,
};

/** Gross margin on the orders whose profit is known; null when none is. */
export const marginOf = (figures: Pick<SalesFigures, 'grossProfit' | 'profitedAmount'>) =>
  Number(figures.profitedAmount) > 0 ? Number(figures.grossProfit) / Number(figures.profitedAmount) : null;

/** Change against the period before; null when there was nothing to compare with. */
export const growthOf = (figures: Pick<SalesFigures, 'amount' | 'previousAmount'>) =>
  Number(figures.previousAmount) > 0 ? Number(figures.amount) / Number(figures.previousAmount) - 1 : null;
