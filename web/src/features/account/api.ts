import type { apiTokenView, changePasswordBody, createdToken, createTokenBody } from '@contracts/auth.ts';
import type { HomeSummary } from '@contracts/home.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client.ts';

export type ApiToken = z.infer<typeof apiTokenView>;
export type CreatedToken = z.infer<typeof createdToken>;

const tokensKey = ['auth', 'tokens'] as const;

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => api.get<ApiToken[]>('/auth/tokens') });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof createTokenBody>) => api.post<CreatedToken>('/auth/tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<unknown>(`/auth/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: z.output<typeof changePasswordBody>) => api.post<unknown>('/auth/password', body),
  });
}

/** When the last backup was made (system administrators only). */
export function useLastBackup(enabled: boolean) {
  return useQuery({
    queryKey: ['system', 'last-backup'],
    queryFn: () => api.get<{ lastBackup: { madeAt: string } | null }>('/system/last-backup'),
    enabled,
  });
}

/** The caller's home page blocks: what each role acts on (GET /api/home). */
export function useHome() {
  return useQuery({ queryKey: ['home'] as const, queryFn: () => api.get<HomeSummary>('/home') });
}
