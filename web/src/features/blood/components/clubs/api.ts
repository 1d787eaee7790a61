import type {
  activityBody,
  activityView,
  addMembersBody,
  clubBody,
  clubList,
  clubMemberView,
  clubView,
} from '@contracts/blood/clubs.ts';
import type {
  calloutBody,
  calloutDetail,
  calloutView,
  myCalloutView,
} from '@contracts/blood/clubs-callouts.ts';
import type {
  candidateView,
  decisionBody,
  honourRuleBody,
  honourRuleList,
  honourView,
  proposeBody,
} from '@contracts/blood/clubs-honours.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../../app/api-client.ts';

export type Club = z.infer<typeof clubView>;
export type ClubMember = z.infer<typeof clubMemberView>;
export type ClubActivity = z.infer<typeof activityView>;
export type Callout = z.infer<typeof calloutView>;
export type CalloutDetail = z.infer<typeof calloutDetail>;
export type MyCallout = z.infer<typeof myCalloutView>;
export type HonourRule = z.infer<typeof honourRuleList>['items'][number];
export type Candidate = z.infer<typeof candidateView>;
export type Honour = z.infer<typeof honourView>;
type In<S extends z.ZodType> = z.input<S>;

const all = ['blood-clubs'] as const;
const useRefresh = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: all });
};
const useRefreshing = <B, R>(fn: (b: B) => Promise<R>) => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: fn, onSuccess: refresh });
};

export const useClubs = (q: { orgId?: number; kind?: string }) =>
  useQuery({
    queryKey: [...all, 'clubs', q],
    queryFn: () => api.get<z.infer<typeof clubList>>('/blood/clubs', q),
  });
export const useClub = (id: number) =>
  useQuery({ queryKey: [...all, 'club', id], queryFn: () => api.get<Club>(`/blood/clubs/${id}`) });
export const useMembers = (id: number) =>
  useQuery({
    queryKey: [...all, 'members', id],
    queryFn: () => api.get<ClubMember[]>(`/blood/clubs/${id}/members`),
  });
export const useActivities = (id: number) =>
  useQuery({
    queryKey: [...all, 'activities', id],
    queryFn: () => api.get<ClubActivity[]>(`/blood/clubs/${id}/activities`),
  });
export const useCreateClub = () =>
  useRefreshing((b: In<typeof clubBody>) => api.post<Club>('/blood/clubs', b));
export const useAddMembers = (id: number) =>
  useRefreshing((b: In<typeof addMembersBody>) => api.post<ClubMember[]>(`/blood/clubs/${id}/members`, b));
export const useEndMember = (id: number) =>
  useRefreshing((m: ClubMember & { until: string }) =>
    request<ClubMember>('PUT', `/blood/clubs/${id}/members/${m.id}`, {
      body: { role: m.role, since: m.since, until: m.until },
    }),
  );
export const useAddActivity = (id: number) =>
  useRefreshing((b: In<typeof activityBody>) => api.post<ClubActivity>(`/blood/clubs/${id}/activities`, b));

export const useCallouts = () =>
  useQuery({
    queryKey: [...all, 'callouts'],
    queryFn: () => api.get<Callout[]>('/blood/callouts'),
    refetchInterval: 15_000,
  });
export const useCallout = (id: number | null) =>
  useQuery({
    queryKey: [...all, 'callout', id],
    queryFn: () => api.get<CalloutDetail>(`/blood/callouts/${id}`),
    enabled: id !== null,
    refetchInterval: 10_000,
  });
export const useCreateCallout = () =>
  useRefreshing((b: In<typeof calloutBody>) => api.post<CalloutDetail>('/blood/callouts', b));
export const useAttendance = (id: number) =>
  useRefreshing((b: { came?: number[]; noShow?: number[] }) =>
    api.post<CalloutDetail>(`/blood/callouts/${id}/attendance`, b),
  );
export const useCloseCallout = (id: number) =>
  useRefreshing(() => api.post<CalloutDetail>(`/blood/callouts/${id}/close`, {}));
export const useMyCallouts = () =>
  useQuery({ queryKey: [...all, 'mine'], queryFn: () => api.get<MyCallout[]>('/me/blood/callouts') });
export const useReply = () =>
  useRefreshing((b: { id: number; answer: 'accept' | 'decline' }) =>
    api.post<MyCallout>(`/me/blood/callouts/${b.id}/reply`, { answer: b.answer }),
  );

export const useHonourRules = (orgId?: number) =>
  useQuery({
    queryKey: [...all, 'rules', orgId],
    queryFn: () => api.get<z.infer<typeof honourRuleList>>('/blood/honour-rules', { orgId }),
  });
export const useCreateRule = () =>
  useRefreshing((b: In<typeof honourRuleBody>) => api.post<HonourRule>('/blood/honour-rules', b));
export const useCandidates = (q: { orgId?: number; from: string; to: string; kind: string }) =>
  useQuery({
    queryKey: [...all, 'candidates', q],
    queryFn: () => api.get<Candidate[]>('/blood/honours/candidates', q),
    enabled: q.orgId !== undefined,
  });
export const useHonours = (q: { orgId?: number; status?: string }) =>
  useQuery({ queryKey: [...all, 'honours', q], queryFn: () => api.get<Honour[]>('/blood/honours', q) });
export const usePropose = () =>
  useRefreshing((b: In<typeof proposeBody>) => api.post<Honour[]>('/blood/honours', b));
export const useDecide = () =>
  useRefreshing((b: In<typeof decisionBody> & { id: number }) => {
    const { id, ...body } = b;
    return request<Honour>('PUT', `/blood/honours/${id}`, { body });
  });
