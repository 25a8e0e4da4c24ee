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

export const worklistApi = {
  get: (view: WorklistView, userId?: number, kinds?: readonly ItemKind[]) =>
    api.get<Worklist>(`/worklist${buildQuery({ view, userId, kind: kinds })}`),
  users: () => api.get<WorklistUser[]>('/worklist/users'),
  snooze: (input: SnoozeInput) => api.post<SnoozeInput>('/worklist/snoozes', input),
};
