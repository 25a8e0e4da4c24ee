import { api } from '../../../shared/api/client';
import type { UserLevel } from '../../users/api/users.api';

export type Localised = { 'zh-CN': string; 'en-US': string };
export type ManagerMode = 'dedicated' | 'shared' | 'channel' | 'pool';
export const managerModes: readonly ManagerMode[] = ['dedicated', 'shared', 'channel', 'pool'];

export interface PolicyRule {
  gradeCode: string;
  managerMode: ManagerMode;
  maxCustomersPerManager: number | null;
  requiredLevel: UserLevel | null;
  contactCadenceDays: number | null;
  visitCadenceDays: number | null;
  creditLimit: string | null;
  paymentTermsDays: number | null;
  discountCeiling: string | null;
  deliveryPriority: number | null;
  responseHours: number | null;
  poolRecallDays: number | null;
}

export interface PolicySummary {
  id: number;
  name: Localised;
  modelId: number;
  modelName: Localised;
  priority: number;
  active: boolean;
  currentVersion: number | null;
  updatedAt: string;
}

export interface PolicyVersionSummary {
  version: number;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface Policy extends PolicySummary {
  rules: PolicyRule[];
  ladder: Array<{ code: string; name: Localised }>;
  versions: PolicyVersionSummary[];
}

export interface PolicyVersion extends PolicyVersionSummary {
  rules: PolicyRule[];
}

export const policiesApi = {
  list: () => api.get<PolicySummary[]>('/policies'),
  get: (id: number) => api.get<Policy>(`/policies/${id}`),
  version: (id: number, version: number) => api.get<PolicyVersion>(`/policies/${id}/versions/${version}`),
  addVersion: (id: number, body: { rules: PolicyRule[]; note?: string | null }) =>
    api.post<Policy>(`/policies/${id}/versions`, body),
  change: (id: number, body: { active?: boolean; priority?: number }) =>
    api.patch<Policy>(`/policies/${id}`, body),
};
