import { api, type ItemList } from '../../../shared/api/client';
import type { Role } from '../../../shared/enums';

export interface User {
  id: number;
  login: string;
  name: string;
  role: Role;
  teamId: number | null;
  active: boolean;
}

export interface Team {
  id: number;
  name: string;
}

export const usersApi = {
  list: () => api.get<ItemList<User>>('/users'),
  teams: () => api.get<ItemList<Team>>('/teams'),
};
