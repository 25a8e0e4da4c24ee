import { api, buildQuery } from '../../../shared/api/client';
import type { UserLevel } from '../../users/api/users.api';

export type AssignmentViolation = 'no_owner' | 'level_below' | 'over_capacity';

export interface PlannedMove {
  customerId: number;
  code: string;
  name: string;
  gradeCode: string | null;
  requiredLevel: UserLevel | null;
  teamId: number | null;
  fromOwnerId: number | null;
  fromOwnerName: string | null;
  toOwnerId: number;
  toOwnerName: string;
  fixes: AssignmentViolation[];
}

export interface PlanManager {
  id: number;
  name: string;
  teamId: number | null;
  level: UserLevel;
  capacity: number;
  assignable: boolean;
  loadBefore: number | null;
  loadAfter: number | null;
}

export interface HeadcountLine {
  level: UserLevel | 'any';
  formula: string;
  fractional: string;
  needed: number;
  existing: number;
  gap: number;
}

export interface AssignmentPlan {
  teamId: number | null;
  moves: PlannedMove[];
  unfixable: Array<{
    customerId: number;
    code: string;
    name: string;
    gradeCode: string | null;
    ownerName: string | null;
    violations: AssignmentViolation[];
    reason: 'no_team' | 'no_eligible_manager' | 'no_capacity';
  }>;
  managers: PlanManager[];
  headcount: HeadcountLine[];
}

export interface AppliedMove {
  customerId: number;
  toOwnerId: number;
}

export const assignmentApi = {
  plan: (teamId?: number) => api.get<AssignmentPlan>(`/assignment/plan${buildQuery({ teamId })}`),
  apply: (body: { teamId?: number; moves: AppliedMove[] }) =>
    api.post<{ applied: number }>('/assignment/apply', body),
};
