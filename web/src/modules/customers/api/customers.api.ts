import type { ExportFormat } from '../../../shared/components/ExportMenu';
import { api, buildQuery, type Page } from '../../../shared/api/client';
import type { LifecycleStage, SizeBand } from '../../../shared/enums';

export interface CustomerStats {
  orderCount: number;
  amount: string;
  profit: string;
  firstOrder: string | null;
  lastOrder: string | null;
  unpaidAmount: string;
  lastContact: string | null;
  contactCount: number;
}

export interface CustomerGradeCode {
  modelId: number;
  code: string;
}

export interface Customer {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  type: string;
  lifecycleStage: LifecycleStage;
  lifecycleLocked: boolean;
  ownerId: number | null;
  ownerName: string | null;
  teamId: number | null;
  teamName: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  industry: string | null;
  nature: string | null;
  sizeBand: SizeBand | null;
  headcount: number | null;
  registeredCapital: string | null;
  annualRevenue: string | null;
  industryPosition: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  website: string | null;
  creditLimit: string | null;
  paymentTermsDays: number | null;
  source: string | null;
  referredById: number | null;
  referredByName: string | null;
  potentialDemand: string | null;
  shareOfWallet: number | null;
  upcomingPurchaseVolume: string | null;
  expectedCloseDate: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  /** The current grade in every active model. */
  grades: CustomerGradeCode[];
  stats: CustomerStats;
  createdAt: string;
  updatedAt: string;
}

/** A customer as the list's table shows it (`GET /api/customers/rows`). */
export type CustomerRow = Pick<
  Customer,
  | 'id'
  | 'code'
  | 'name'
  | 'type'
  | 'lifecycleStage'
  | 'lifecycleLocked'
  | 'ownerId'
  | 'ownerName'
  | 'teamId'
  | 'teamName'
  | 'province'
  | 'city'
  | 'industry'
  | 'grades'
> & { stats: Pick<CustomerStats, 'amount' | 'lastOrder'> };

export const customerSortKeys = [
  'name',
  'code',
  'createdAt',
  'updatedAt',
  'amount',
  'lastOrder',
  'province',
] as const;
export type CustomerSortKey = (typeof customerSortKeys)[number];

export interface CustomerListParams {
  q?: string;
  type?: string[];
  lifecycle?: string[];
  province?: string[];
  industry?: string[];
  nature?: string[];
  sizeBand?: string[];
  source?: string[];
  referral?: string[];
  ownerId?: string[];
  gradeModelId?: string;
  grade?: string[];
  sort?: CustomerSortKey;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

/** The list's filters alone, without its page and order. */
export function filtersOf(params: CustomerListParams): CustomerListParams {
  const { cursor: _cursor, limit: _limit, sort: _sort, order: _order, ...filters } = params;
  return filters;
}

/** The writable fields, as the create and edit forms send them. */
export type CustomerInput = Partial<
  Omit<
    Customer,
    | 'id'
    | 'ownerName'
    | 'teamName'
    | 'referredByName'
    | 'stats'
    | 'createdAt'
    | 'updatedAt'
    | 'custom'
    | 'grades'
  >
>;

export type DuplicateReason = 'same_name' | 'same_phone';

export interface DuplicateMember {
  id: number;
  code: string;
  name: string;
  phone: string | null;
  province: string | null;
  city: string | null;
  ownerId: number | null;
  ownerName: string | null;
  teamName: string | null;
  createdAt: string;
  orderCount: number;
  amount: string;
  lastOrder: string | null;
  contactCount: number;
}

export interface DuplicateGroup {
  reasons: DuplicateReason[];
  customers: DuplicateMember[];
}

export interface CustomerMergeInput {
  duplicateIds: number[];
  /** Which customer's value a field keeps, by the field's name. */
  take?: Partial<Record<keyof Customer, number>>;
}

export interface CustomerMergeResult {
  customer: Customer;
  merged: { id: number; code: string; name: string }[];
  moved: Record<
    | 'orders'
    | 'payments'
    | 'activities'
    | 'contacts'
    | 'opportunities'
    | 'relationships'
    | 'referrals'
    | 'messages'
    | 'poolMoves',
    number
  >;
}

export const customersApi = {
  /**
   * A page of the list's rows without the total, which `count` gives: rows show without waiting for a count of every
   * match.
   */
  list: (params: CustomerListParams) =>
    api.get<Omit<Page<CustomerRow>, 'total'>>(
      `/customers/rows${buildQuery({ ...params, withTotal: 'false' })}`,
    ),
  count: (filters: CustomerListParams) =>
    api.get<{ total: number }>(`/customers/count${buildQuery({ ...filters })}`),
  get: (id: number) => api.get<Customer>(`/customers/${id}`),
  create: (input: CustomerInput) => api.post<Customer>('/customers', input),
  update: (id: number, input: CustomerInput) => api.patch<Customer>(`/customers/${id}`, input),
  duplicates: (limit: number, offset: number) =>
    api.get<{ items: DuplicateGroup[]; total: number }>(
      `/customers/duplicates${buildQuery({ limit, offset })}`,
    ),
  mergedInto: (id: number) =>
    api.get<{ survivor: { id: number; code: string; name: string } | null }>(`/customers/${id}/merged-into`),
  merge: (survivorId: number, input: CustomerMergeInput) =>
    api.post<CustomerMergeResult>(`/customers/${survivorId}/merge`, input),
  bulkAssign: (ids: number[], ownerId: number) =>
    api.post<{ updated: number }>('/customers/bulk-assign', { ids, ownerId }),
  /** The export of the whole filtered list (no page), as a plain link: the session cookie goes along. */
  exportUrl: (params: CustomerListParams, format: ExportFormat) => {
    const { cursor: _cursor, limit: _limit, ...filters } = params;
    return `/api/exports/customers${buildQuery({ ...filters, format })}`;
  },
};
