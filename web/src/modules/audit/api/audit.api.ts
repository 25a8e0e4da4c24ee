import { api, buildQuery } from '../../../shared/api/client';
import type { ExportFormat } from '../../../shared/components/ExportMenu';

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** Filters of the company-wide log; dates are calendar days in the company's time zone, both ends included. */
export interface AuditQuery {
  entity?: string;
  action?: string;
  userId?: number;
  entityId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface AuditFacets {
  entities: string[];
  actions: string[];
  users: { id: number; name: string }[];
}

export const auditApi = {
  list: (query: AuditQuery, cursor?: string) =>
    api.get<{ items: AuditEntry[]; nextCursor: string | null }>(
      `/audit${buildQuery({ ...query, cursor, limit: 50 })}`,
    ),
  facets: () => api.get<AuditFacets>('/audit/facets'),
  exportUrl: (query: AuditQuery, format: ExportFormat) =>
    `/api/exports/audit${buildQuery({ ...query, format })}`,
};
