import { api, buildQuery } from '../../../shared/api/client';

export interface PoolLimits {
  owned: number;
  maxOwned: number;
  claimsToday: number;
  maxClaimsPerDay: number;
  reclaimBlockDays: number;
}

export interface PoolCustomer {
  id: number;
  code: string;
  name: string;
  province: string | null;
  city: string | null;
  teamId: number | null;
  teamName: string | null;
  gradeCode: string | null;
  reason: 'recalled' | 'released';
  note: string | null;
  enteredOn: string;
  fromOwner: { id: number; name: string } | null;
  lastContact: string | null;
  lastOrder: string | null;
}

export interface PoolPage {
  items: PoolCustomer[];
  total: number;
  limits: PoolLimits;
}

export interface PoolQuery {
  q?: string;
  limit: number;
  offset: number;
}

export interface RecallResult {
  asOf: string;
  recalled: number;
  warned: number;
}

export const poolApi = {
  list: (query: PoolQuery) => api.get<PoolPage>(`/pool${buildQuery({ ...query })}`),
  claim: (customerId: number) => api.post<unknown>('/pool/claims', { customerId }),
  release: (customerId: number, note?: string) => api.post<unknown>('/pool/releases', { customerId, note }),
  recall: () => api.post<RecallResult>('/pool/recall', {}),
};
