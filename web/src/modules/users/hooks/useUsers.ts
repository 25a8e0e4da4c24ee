import { useQuery } from '@tanstack/react-query';
import { usersApi } from '../api/users.api';

/** The users the caller may assign customers to; reps only ever see themselves, so they do not ask. */
export function useUserOptions(enabled: boolean) {
  const query = useQuery({ queryKey: ['users'], queryFn: usersApi.list, enabled, staleTime: 5 * 60_000 });
  return (query.data?.items ?? [])
    .filter((user) => user.active)
    .map((user) => ({ value: user.id, label: user.name }));
}

export function useTeamOptions(enabled: boolean) {
  const query = useQuery({ queryKey: ['teams'], queryFn: usersApi.teams, enabled, staleTime: 5 * 60_000 });
  return (query.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }));
}
