import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usersApi, type TeamInput, type UserInput } from '../api/users.api';

const usersKey = ['users'];
const teamsKey = ['teams'];

export function useUsers(enabled = true) {
  return useQuery({ queryKey: usersKey, queryFn: usersApi.list, enabled, staleTime: 5 * 60_000 });
}

export function useTeams(enabled = true) {
  return useQuery({ queryKey: teamsKey, queryFn: usersApi.teams, enabled, staleTime: 5 * 60_000 });
}

/** The users the caller may assign customers to; reps only ever see themselves, so they do not ask. */
export function useUserOptions(enabled: boolean) {
  return (useUsers(enabled).data?.items ?? [])
    .filter((user) => user.active)
    .map((user) => ({ value: user.id, label: user.name }));
}

export function useTeamOptions(enabled: boolean) {
  return (useTeams(enabled).data?.items ?? []).map((team) => ({ value: team.id, label: team.name }));
}

/** A user change moves team member counts and managers' names too: both lists are read again. */
function useInvalidatePeople() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: usersKey }),
      client.invalidateQueries({ queryKey: teamsKey }),
    ]);
}

export function useSaveUser() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: UserInput }) =>
      id === undefined ? usersApi.create(input) : usersApi.update(id, input),
    onSuccess: invalidate,
  });
}

export function useSaveTeam() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: TeamInput }) =>
      id === undefined ? usersApi.createTeam(input) : usersApi.updateTeam(id, input),
    onSuccess: invalidate,
  });
}

export function useDeleteTeam() {
  const invalidate = useInvalidatePeople();
  return useMutation({ mutationFn: usersApi.deleteTeam, onSuccess: invalidate });
}
