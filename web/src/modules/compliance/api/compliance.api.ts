import { api, buildQuery } from '../../../shared/api/client';

export const violationKinds = [
  'no_owner',
  'level_below',
  'over_capacity',
  'contact_overdue',
  'over_credit',
  'terms_exceeded',
] as const;
export type ViolationKind = (typeof violationKinds)[number];
export type KindCounts = Record<ViolationKind, number>;

interface Group {
  checked: number;
  violating: number;
  kinds: KindCounts;
}

export interface ComplianceSummary extends Group {
  asOf: string;
  byTeam: Array<Group & { teamId: number | null; teamName: string | null }>;
  byOwner: Array<Group & { ownerId: number | null; ownerName: string | null }>;
}

export interface ComplianceItem {
  id: number;
  code: string;
  name: string;
  teamName: string | null;
  ownerId: number | null;
  ownerName: string | null;
  gradeCode: string;
  kinds: ViolationKind[];
  figures: {
    requiredLevel: string | null;
    maxCustomersPerManager: number | null;
    ownerLoad: number | null;
    lastContact: string | null;
    contactCadenceDays: number | null;
    overdueAmount: string;
    creditLimit: string | null;
    termsDays: number | null;
    allowedTermsDays: number | null;
  };
}

export interface CompliancePage {
  asOf: string;
  items: ComplianceItem[];
  total: number;
  nextCursor: number | null;
}

export interface ComplianceQuery {
  kind?: ViolationKind;
  teamId?: number;
  ownerId?: number;
}

export const complianceApi = {
  summary: (query: ComplianceQuery) =>
    api.get<ComplianceSummary>(
      `/compliance/summary${buildQuery({ teamId: query.teamId, ownerId: query.ownerId })}`,
    ),
  list: (query: ComplianceQuery & { limit: number; cursor?: number }) =>
    api.get<CompliancePage>(`/compliance${buildQuery({ ...query })}`),
  exportUrl: (query: ComplianceQuery, format: 'csv' | 'xlsx') =>
    `/api/compliance/export${buildQuery({ ...query, format })}`,
};
