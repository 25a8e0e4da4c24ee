import { api, type ItemList } from '../../../shared/api/client';
import type { Role } from '../../../shared/enums';

/** A user's seniority: service policies may require one for a grade's accounts. */
export const userLevels = ['senior', 'middle', 'junior'] as const;
export type UserLevel = (typeof userLevels)[number];

export interface User {
  id: number;
  login: string;
  name: string;
  role: Role;
  teamId: number | null;
  level: UserLevel;
  capacity: number;
  email: string | null;
  phone: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UserInput {
  login?: string;
  name?: string;
  password?: string;
  role?: Role;
  teamId?: number | null;
  level?: UserLevel;
  capacity?: number;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
}

export interface Team {
  id: number;
  name: string;
  region: string | null;
  managerId: number | null;
  managerName: string | null;
  memberCount: number;
}

export interface TeamInput {
  name?: string;
  region?: string | null;
  managerId?: number | null;
}

export const usersApi = {
  list: () => api.get<ItemList<User>>('/users'),
  create: (input: UserInput) => api.post<User>('/users', input),
  update: (id: number, input: UserInput) => api.patch<User>(`/users/${id}`, input),
  teams: () => api.get<ItemList<Team>>('/teams'),
  createTeam: (input: TeamInput) => api.post<Team>('/teams', input),
  updateTeam: (id: number, input: TeamInput) => api.patch<Team>(`/teams/${id}`, input),
  deleteTeam: (id: number) => api.delete(`/teams/${id}`),
};
