import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, type Actor, type Credentials } from '../api/auth.api';

export const sessionKey = ['auth', 'me'] as const;

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: authApi.me, retry: false, staleTime: Infinity });
}

/** The logged-in user; only for components rendered inside the authenticated layout. */
export function useActor(): Actor {
  const { data } = useSession();
  if (!data) throw new Error('useActor outside the authenticated layout');
  return data;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => authApi.login(credentials),
    onSuccess: (actor) => {
      client.clear();
      client.setQueryData(sessionKey, actor);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: authApi.logout,
    onSettled: () => client.clear(),
  });
}
