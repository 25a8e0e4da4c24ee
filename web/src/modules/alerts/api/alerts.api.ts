import { api, buildQuery, type Page } from '../../../shared/api/client';

export type Bilingual = { 'zh-CN': string; 'en-US': string };

export interface Alert {
  id: number;
  kind: string;
  read: boolean;
  createdAt: string;
  readAt: string | null;
  message: Bilingual;
  model: { id: number; key: string; name: Bilingual };
  customer: { id: number; code: string; name: string };
  score: number | null;
  cause: string;
  runId: number | null;
}

/**
 * A page of alerts. The server counts the newest alerts up to one past its limit: when `capped`, `total` is
 * that one past the limit, and more than `total − 1` alerts match.
 */
export type AlertPage = Page<Alert> & { capped: boolean };

export interface AlertSummary {
  /** A lower bound when `capped` (more unread than the server counts): the bell shows 99+ either way. */
  unread: number;
  capped: boolean;
  unreadByKind: Record<string, number>;
}

export const alertsApi = {
  list: (unreadOnly: boolean, cursor?: string) =>
    api.get<AlertPage>(
      `/alerts${buildQuery({ unread: unreadOnly ? 'true' : undefined, cursor, limit: 50 })}`,
    ),
  summary: () => api.get<AlertSummary>('/alerts/summary'),
  read: (id: number) => api.post<Alert>(`/alerts/${id}/read`),
  readAll: () => api.post<{ updated: number }>('/alerts/read-all'),
};

/** The message in the interface's language (zh-CN unless English is chosen). */
export const inLanguage = (text: Bilingual, language: string) =>
  language.startsWith('en') ? text['en-US'] : text['zh-CN'];
