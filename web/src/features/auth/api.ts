import type { loginBody, Me, updateMeBody } from '@contracts/auth.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { z } from 'zod';
import { api, isApiError, setCsrfToken } from '../../app/api-client.ts';

export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no session. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/**
 * For components under the authenticated shell, where the session is known to exist. While signing out
 * (or after a 401) the shell renders once more before the guard sends the person to the login page:
 * it then sees the last known user rather than nothing.
 */
export function useCurrentUser(): Me {
  const { data } = useMe();
  const last = useRef<Me | null>(null);
  if (data) last.current = data;
  if (!last.current) throw new Error('useCurrentUser outside an authenticated route');
  return last.current;
}

export function hasPermission(me: Me | null | undefined, permission: string): boolean {
  return !!me && (me.isSystemAdmin || me.permissions.includes(permission));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof loginBody>) => api.post<Me>('/auth/login', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof updateMeBody>) => api.patch<unknown>('/auth/me', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}
