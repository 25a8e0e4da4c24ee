import { api, buildQuery, type Page } from '../../../shared/api/client';
import type { ExportFormat } from '../../../shared/components/ExportMenu';
import type { ActivityKind } from '../../../shared/enums';

export interface Activity {
  id: number;
  customerId: number;
  customerName: string;
  contactId: number | null;
  contactName: string | null;
  userId: number | null;
  userName: string | null;
  kind: ActivityKind;
  at: string;
  subject: string;
  note: string | null;
  nextActionAt: string | null;
}

/** Whose follow-ups (who did them, the customers' team), which kinds, which business days. */
export interface ActivityFilter {
  userId?: number;
  teamId?: number;
  kind?: readonly ActivityKind[];
  from?: string;
  to?: string;
}

export interface ActivityTally {
  count: number;
  customers: number;
  byKind: { kind: ActivityKind; count: number }[];
}

export interface ActivitySummary {
  total: ActivityTally;
  users: (ActivityTally & { userId: number | null; userName: string | null })[];
}

export interface ActivityListParams extends ActivityFilter {
  cursor?: string;
  limit?: number;
}

export const activitiesApi = {
  summary: (filter: ActivityFilter) =>
    api.get<ActivitySummary>(`/activity-summary${buildQuery({ ...filter })}`),
  list: (params: ActivityListParams) => api.get<Page<Activity>>(`/activities${buildQuery({ ...params })}`),
  /** The whole list the filters match, not the page on screen. */
  exportUrl: ({ cursor: _cursor, limit: _limit, ...filters }: ActivityListParams, format: ExportFormat) =>
    `/api/exports/activities${buildQuery({ ...filters, format })}`,
};
