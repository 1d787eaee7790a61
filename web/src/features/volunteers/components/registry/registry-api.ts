import type {
  AvailabilityBody,
  CreateVolunteerBody,
  QualificationsBody,
  ReadinessView,
  StatusBody,
  statusChangeView,
  UpdateVolunteerBody,
  VolunteerDetail,
  volunteerPage,
} from '@contracts/volunteers/registry.ts';
import type {
  VolunteerImportProgress,
  VolunteerImportResult,
} from '@contracts/volunteers/registry-import.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api, buildUrl, request, uploadLines } from '../../../../app/api-client.ts';

type ErrorPayload = ConstructorParameters<typeof ApiError>[1];

export type VolunteerPage = z.infer<typeof volunteerPage>;
export type Volunteer = VolunteerPage['items'][number];
export type { ReadinessView, VolunteerDetail, VolunteerImportProgress, VolunteerImportResult };
export type StatusChange = z.infer<typeof statusChangeView>;
export type VolunteerSearch = {
  q?: string;
  orgId?: number;
  status?: string;
  group?: string;
  skill?: string;
  page?: number;
  pageSize?: number;
};

export const volunteerKeys = {
  all: ['volunteers'] as const,
  list: (p: VolunteerSearch) => ['volunteers', 'list', p] as const,
  detail: (id: number) => ['volunteers', 'detail', id] as const,
  history: (id: number) => ['volunteers', 'history', id] as const,
  readiness: (orgId?: number, asOf?: string) =>
    ['volunteers', 'readiness', orgId ?? 0, asOf ?? 'live'] as const,
};

export function useVolunteers(params: VolunteerSearch) {
  return useQuery({
    queryKey: volunteerKeys.list(params),
    queryFn: () => api.get<VolunteerPage>('/volunteers', params),
    placeholderData: keepPreviousData,
  });
}

export function useVolunteer(id: number) {
  return useQuery({
    queryKey: volunteerKeys.detail(id),
    queryFn: () => api.get<VolunteerDetail>(`/volunteers/${id}`),
  });
}

export function useVolunteerHistory(id: number) {
  return useQuery({
    queryKey: volunteerKeys.history(id),
    queryFn: () => api.get<StatusChange[]>(`/volunteers/${id}/history`),
  });
}

/** Readiness under `orgId`: live, or as of `asOf` (each volunteer's status that day, from the dated history). */
export function useReadiness(orgId: number | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: volunteerKeys.readiness(orgId, asOf),
    queryFn: () => api.get<ReadinessView>('/volunteers/readiness', { orgId, asOf }),
    placeholderData: keepPreviousData,
  });
}

export type VolunteerChange =
  | { kind: 'create'; body: CreateVolunteerBody }
  | { kind: 'update'; id: number; body: UpdateVolunteerBody }
  | { kind: 'qualifications'; id: number; body: QualificationsBody }
  | { kind: 'availability'; id: number; body: AvailabilityBody }
  | { kind: 'status'; id: number; body: StatusBody };

function run(c: VolunteerChange): Promise<unknown> {
  switch (c.kind) {
    case 'create':
      return api.post<VolunteerDetail>('/volunteers', c.body);
    case 'update':
      return request<VolunteerDetail>('PUT', `/volunteers/${c.id}`, { body: c.body });
    case 'qualifications':
      return request<VolunteerDetail>('PUT', `/volunteers/${c.id}/qualifications`, { body: c.body });
    case 'availability':
      return request<VolunteerDetail>('PUT', `/volunteers/${c.id}/availability`, { body: c.body });
    case 'status':
      return api.post<StatusChange[]>(`/volunteers/${c.id}/status`, c.body);
  }
}

export function useVolunteerChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: volunteerKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['people'] }),
      ]),
  });
}

/** The import (preview or commit) with its progress lines; the result, or the error of the last line. */
export async function uploadVolunteers(
  orgId: number,
  file: Blob,
  mode: 'preview' | 'commit',
  onPercent: (percent: number) => void,
  onPhase: (p: VolunteerImportProgress) => void,
): Promise<VolunteerImportResult> {
  let result: VolunteerImportResult | null = null;
  let failure: ApiError | null = null;
  await uploadLines(`/volunteers/import/${mode}`, file, { orgId: String(orgId) }, onPercent, (line) => {
    const l = line as {
      progress?: VolunteerImportProgress;
      result?: VolunteerImportResult;
      error?: ErrorPayload;
    };
    if (l.progress) onPhase(l.progress);
    if (l.result) result = l.result;
    if (l.error) failure = new ApiError(400, l.error);
  });
  if (failure) throw failure;
  if (!result) throw new ApiError(0, { code: 'network', message: 'Network error' });
  return result;
}

/** Files the server builds: plain links, downloaded with the session cookie. */
export const volunteerFiles = {
  template: () => buildUrl('/volunteers/import-template.xlsx'),
  export: (p: VolunteerSearch) =>
    buildUrl('/volunteers/export.xlsx', { ...p, page: undefined, pageSize: undefined }),
};
