import type { ExportFormat } from '../../../shared/components/ExportMenu';
import { api, buildQuery } from '../../../shared/api/client';

export const itemKinds = [
  'contact_overdue',
  'pool_recall',
  'birthday',
  'holiday',
  'repurchase',
  'downgrade',
  'churn_risk',
] as const;
export type ItemKind = (typeof itemKinds)[number];
export type WorklistView = 'today' | 'week';

export interface WorklistItem {
  key: string;
  kind: ItemKind;
  ref: string;
  customer: { id: number; code: string; name: string };
  ownerId: number;
  ownerName: string | null;
  gradeCode: string | null;
  due: string;
  since: string;
  overdueDays: number;
  escalated: boolean;
  lastContact: string | null;
  detail: Record<string, unknown> | null;
}

export interface Worklist {
  user: { id: number; name: string; role: string };
  view: WorklistView;
  today: string;
  end: string;
  items: WorklistItem[];
  counts: Record<ItemKind, number>;
  escalated: number;
  truncated: boolean;
}

export interface WorklistUser {
  id: number;
  login: string;
  name: string;
  role: string;
  teamId: number | null;
}

export interface SnoozeInput {
  customerId: number;
  kind: ItemKind;
  ref: string;
  until: string;
}

/** Lead times, escalation and public-pool limits: one row for the company, tuned by admins without a restart. */
export interface WorklistSettings {
  birthdayLeadDays: number;
  holidayLeadDays: number;
  repurchaseLeadDays: number;
  downgradeDays: number;
  escalationDays: number;
  greetingMaxRatio: number;
  poolWarningDays: number;
  maxClaimsPerDay: number;
  reclaimBlockDays: number;
  /** null: each user's own capacity. */
  maxOwned: number | null;
}

export const worklistApi = {
  settings: () => api.get<WorklistSettings>('/worklist/settings'),
  saveSettings: (input: Partial<WorklistSettings>) =>
    api.patch<WorklistSettings>('/worklist/settings', input),
  get: (view: WorklistView, userId?: number, kinds?: readonly ItemKind[]) =>
    api.get<Worklist>(`/worklist${buildQuery({ view, userId, kind: kinds })}`),
  /** The same list, whole, as a file: what the page shows for this person, period and kinds. */
  exportUrl: (
    view: WorklistView,
    userId: number | undefined,
    kinds: readonly ItemKind[] | undefined,
    format: ExportFormat,
  ) => `/api/exports/worklist${buildQuery({ view, userId, kind: kinds, format })}`,
  users: () => api.get<WorklistUser[]>('/worklist/users'),
  snooze: (input: SnoozeInput) => api.post<SnoozeInput>('/worklist/snoozes', input),
};
