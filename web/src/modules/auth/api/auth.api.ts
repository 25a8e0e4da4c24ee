import { api } from '../../../shared/api/client';
import type { Role } from '../../../shared/enums';

export interface Actor {
  id: number;
  login: string;
  name: string;
  role: Role;
  teamId: number | null;
}

export interface Credentials {
  login: string;
  password: string;
}

export const authApi = {
  me: () => api.get<Actor>('/auth/me'),
  login: (credentials: Credentials) => api.post<Actor>('/auth/login', credentials),
  logout: () => api.post<void>('/auth/logout'),
  changePassword: (input: { currentPassword: string; newPassword: string }) =>
    api.post<void>('/auth/password', input),
};
