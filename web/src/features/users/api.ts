import type {
  createUserBody,
  grantInput,
  roleView,
  UserView,
  updateUserBody,
  userPage,
} from '@contracts/users.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../app/api-client.ts';

export type UserPage = z.infer<typeof userPage>;
export type RoleView = z.infer<typeof roleView>;

export const userKeys = {
  all: ['users'] as const,
  list: (params: { q?: string; page?: number; pageSize?: number }) => ['users', 'list', params] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
  roles: ['roles'] as const,
};

export function useUsers(params: { q?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: () => api.get<UserPage>('/users', params),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: number | undefined) {
  return useQuery({
    queryKey: userKeys.detail(id ?? 0),
    queryFn: () => api.get<UserView>(`/users/${id}`),
    enabled: id !== undefined,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: userKeys.roles,
    queryFn: () => api.get<RoleView[]>('/roles'),
    staleTime: 10 * 60_000,
  });
}

/** The role's name in the current language, from GET /api/roles. */
export function useRoleName(): (key: string, fallback?: string) => string {
  const { i18n } = useTranslation();
  const roles = useRoles();
  return (key, fallback) => {
    const role = roles.data?.find((r) => r.key === key);
    if (!role) return fallback ?? key;
    return i18n.language === 'en' ? role.nameEn : role.nameVi;
  };
}

type UserChange =
  | { kind: 'create'; body: z.output<typeof createUserBody> }
  | { kind: 'update'; id: number; body: z.output<typeof updateUserBody> }
  | { kind: 'addGrant'; id: number; body: z.output<typeof grantInput> }
  | { kind: 'removeGrant'; id: number; grantId: number }
  | { kind: 'unlock'; id: number };

function runChange(change: UserChange): Promise<unknown> {
  switch (change.kind) {
    case 'create':
      return api.post<UserView>('/users', change.body);
    case 'update':
      return api.patch<UserView>(`/users/${change.id}`, change.body);
    case 'addGrant':
      return api.post(`/users/${change.id}/grants`, change.body);
    case 'removeGrant':
      return api.delete(`/users/${change.id}/grants/${change.grantId}`);
    case 'unlock':
      return api.post(`/users/${change.id}/unlock`);
  }
}

export function useUserChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runChange,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
