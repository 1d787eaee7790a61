import type {
  memberView,
  pledgeBody,
  proposeBody,
  proposeResult,
  provinceAsOf,
  quotasBody,
  standDownBody,
  updateWaveBody,
  WaveBody,
  WaveStatusCode,
  WaveView,
  waveListItem,
} from '@contracts/volunteers/waves.ts';
import type { candidatePage, fillView, inboxItem, topicGapsView } from '@contracts/volunteers/waves-fill.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../../app/api-client.ts';

/** The waves' queries and writes (GET/POST/PUT /api/waves…): every write refreshes every wave query. */

export type WaveListItem = z.infer<typeof waveListItem>;
export type Wave = WaveView;
export type Member = z.infer<typeof memberView>;
export type Fill = z.infer<typeof fillView>;
export type Candidate = z.infer<typeof candidatePage>['items'][number];
export type InboxItem = z.infer<typeof inboxItem>;
export type ProvinceAsOf = z.infer<typeof provinceAsOf>;
export type ProposeResult = z.infer<typeof proposeResult>;

const root = ['waves'] as const;
export const waveKeys = {
  list: (status?: string, q?: string) => [...root, 'list', status ?? '', q ?? ''] as const,
  one: (id: number) => [...root, id] as const,
  part: (id: number, part: string, ...more: unknown[]) => [...root, id, part, ...more] as const,
};

export function useWaves(status?: WaveStatusCode, q?: string) {
  return useQuery({
    queryKey: waveKeys.list(status, q),
    queryFn: () => api.get<WaveListItem[]>('/waves', { status, q: q || undefined }),
    placeholderData: keepPreviousData,
  });
}

export function useWave(id: number) {
  return useQuery({ queryKey: waveKeys.one(id), queryFn: () => api.get<Wave>(`/waves/${id}`) });
}

export function useFill(id: number) {
  return useQuery({ queryKey: waveKeys.part(id, 'fill'), queryFn: () => api.get<Fill>(`/waves/${id}/fill`) });
}

export function useMembers(id: number) {
  return useQuery({
    queryKey: waveKeys.part(id, 'members'),
    queryFn: () => api.get<Member[]>(`/waves/${id}/members`),
  });
}

export function useCandidates(id: number, q: { orgId?: number; skill?: string; q?: string; page: number }) {
  return useQuery({
    queryKey: waveKeys.part(id, 'candidates', q),
    queryFn: () =>
      api.get<z.infer<typeof candidatePage>>(`/waves/${id}/candidates`, {
        orgId: q.orgId,
        skill: q.skill,
        q: q.q || undefined,
        page: q.page,
      }),
    enabled: q.orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTopicGaps(id: number, orgId?: number) {
  return useQuery({
    queryKey: waveKeys.part(id, 'gaps', orgId ?? 0),
    queryFn: () => api.get<z.infer<typeof topicGapsView>>(`/waves/${id}/topic-gaps`, { orgId }),
  });
}

export function useInbox() {
  return useQuery({ queryKey: [...root, 'inbox'], queryFn: () => api.get<InboxItem[]>('/waves/inbox') });
}

export function useProvinces(date: string | undefined) {
  return useQuery({
    queryKey: ['admin-units', 'provinces-as-of', date],
    queryFn: () => api.get<ProvinceAsOf[]>('/waves/provinces', { date }),
    enabled: !!date,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type WaveChange =
  | { kind: 'create'; body: WaveBody }
  | { kind: 'update'; id: number; body: z.output<typeof updateWaveBody> }
  | { kind: 'quotas'; id: number; body: z.output<typeof quotasBody> }
  | { kind: 'open' | 'close'; id: number; version: number }
  | { kind: 'status'; id: number; version: number; to: 'filled' | 'deployed' }
  | { kind: 'standDown'; id: number; body: z.output<typeof standDownBody> };

function runChange(c: WaveChange): Promise<Wave> {
  switch (c.kind) {
    case 'create':
      return api.post<Wave>('/waves', c.body);
    case 'update':
      return request<Wave>('PUT', `/waves/${c.id}`, { body: c.body });
    case 'quotas':
      return request<Wave>('PUT', `/waves/${c.id}/quotas`, { body: c.body });
    case 'open':
    case 'close':
      return api.post<Wave>(`/waves/${c.id}/${c.kind}`, { version: c.version });
    case 'status':
      return api.post<Wave>(`/waves/${c.id}/status`, { version: c.version, to: c.to });
    case 'standDown':
      return api.post<Wave>(`/waves/${c.id}/stand-down`, c.body);
  }
}

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: root });
}

export function useWaveChange() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: runChange, onSuccess: () => refresh() });
}

export type AnswerChange =
  | { kind: 'pledge'; waveId: number; quotaId: number; body: z.output<typeof pledgeBody> }
  | { kind: 'propose'; waveId: number; body: z.output<typeof proposeBody> }
  | { kind: 'withdraw'; waveId: number; memberId: number };

function runAnswer(c: AnswerChange): Promise<ProposeResult | { ok: true }> {
  switch (c.kind) {
    case 'pledge':
      return request('PUT', `/waves/${c.waveId}/quotas/${c.quotaId}/pledge`, { body: c.body });
    case 'propose':
      return api.post<ProposeResult>(`/waves/${c.waveId}/members`, c.body);
    case 'withdraw':
      return api.delete(`/waves/${c.waveId}/members/${c.memberId}`);
  }
}

export function useAnswerChange() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: runAnswer, onSuccess: () => refresh() });
}
