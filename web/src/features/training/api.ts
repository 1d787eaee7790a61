import type {
  CertificateView,
  certificatePage,
  IssueCertificatesResult,
  reissueResult,
} from '@contracts/certificates.ts';
import type { RosterProgress, RosterResult } from '@contracts/people.ts';
import type {
  attendanceBody,
  attendanceView,
  ClassView,
  CourseTypeView,
  cancelEnrolmentResult,
  classListItem,
  classPaymentBody,
  classStatusBody,
  createClassBody,
  createCourseTypeBody,
  createRequestBody,
  createTrainerBody,
  decideRequestBody,
  enrolResult,
  enterpriseComplianceView,
  reachView,
  requestView,
  resultsBody,
  scheduleRequestBody,
  setSessionsBody,
  trainerView,
  updateClassBody,
  workforceBody,
  workforceView,
} from '@contracts/training.ts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api, buildUrl, fetchStream, request, uploadLines } from '../../app/api-client.ts';

type ErrorPayload = ConstructorParameters<typeof ApiError>[1];

export type Course = CourseTypeView;
export type Trainer = z.infer<typeof trainerView>;
export type TrainingRequest = z.infer<typeof requestView>;
export type RequestStatus = TrainingRequest['status'];
export type ClassListItem = z.infer<typeof classListItem>;
export type ClassStatus = ClassListItem['status'];
export type TrainingClass = ClassView;
export type Enrolment = ClassView['enrolments'][number];
export type Session = ClassView['sessions'][number];
export type Attendance = z.infer<typeof attendanceView>;
export type AttendanceStatus = NonNullable<Attendance['entries'][number]['status']>;
export type Certificate = CertificateView;
export type CertificatePage = z.infer<typeof certificatePage>;
export type Compliance = z.infer<typeof enterpriseComplianceView>;
export type Reach = z.infer<typeof reachView>;
export type Workforce = z.infer<typeof workforceView>;
export type Provider = {
  id: number;
  name: string;
  shortName: string | null;
  parentName: string | null;
  kind: string;
  courseTypeIds: number[];
};

export const trainingKeys = {
  all: ['training'] as const,
  courses: () => ['training', 'courses'] as const,
  providers: () => ['training', 'providers'] as const,
  trainers: (orgId?: number) => ['training', 'trainers', orgId ?? 0] as const,
  requests: (status?: RequestStatus) => ['training', 'requests', status ?? 'all'] as const,
  request: (id: number) => ['training', 'request', id] as const,
  classes: (f: { status?: ClassStatus; requestId?: number }) => ['training', 'classes', f] as const,
  class: (id: number) => ['training', 'class', id] as const,
  attendance: (classId: number, sessionId: number) => ['training', 'attendance', classId, sessionId] as const,
  certificates: (q: CertificateQuery) => ['training', 'certificates', q] as const,
  compliance: (orgId: number, q: ComplianceQuery) => ['training', 'compliance', orgId, q] as const,
  reach: (orgId: number, month: string) => ['training', 'reach', orgId, month] as const,
  workforce: (orgId: number) => ['training', 'workforce', orgId] as const,
};

export function useCourses() {
  return useQuery({
    queryKey: trainingKeys.courses(),
    queryFn: () => api.get<Course[]>('/training/course-types'),
    staleTime: 5 * 60_000,
  });
}

/** Organisations that run training (an enterprise cannot browse the Red Cross tree to find them). */
export function useProviders() {
  return useQuery({
    queryKey: trainingKeys.providers(),
    queryFn: () => api.get<Provider[]>('/training/providers'),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useTrainers(orgId?: number, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.trainers(orgId),
    queryFn: () => api.get<Trainer[]>('/training/trainers', { orgId }),
    enabled,
  });
}

export function useRequests(status?: RequestStatus, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.requests(status),
    queryFn: () => api.get<TrainingRequest[]>('/training/requests', { status }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTrainingRequest(id: number | undefined) {
  return useQuery({
    queryKey: trainingKeys.request(id ?? 0),
    queryFn: () => api.get<TrainingRequest>(`/training/requests/${id}`),
    enabled: id !== undefined,
  });
}

export function useClasses(f: { status?: ClassStatus; requestId?: number } = {}, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.classes(f),
    queryFn: () => api.get<ClassListItem[]>('/training/classes', f),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTrainingClass(id: number | undefined) {
  return useQuery({
    queryKey: trainingKeys.class(id ?? 0),
    queryFn: () => api.get<TrainingClass>(`/training/classes/${id}`),
    enabled: id !== undefined,
  });
}

/** Several classes in full (e.g. a request's classes, for its service agreement). */
export function useClassDetails(ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: trainingKeys.class(id),
      queryFn: () => api.get<TrainingClass>(`/training/classes/${id}`),
    })),
  });
}

export function useAttendance(classId: number, sessionId: number | undefined) {
  return useQuery({
    queryKey: trainingKeys.attendance(classId, sessionId ?? 0),
    queryFn: () => api.get<Attendance>(`/training/classes/${classId}/sessions/${sessionId}/attendance`),
    enabled: sessionId !== undefined,
    staleTime: 0,
  });
}

export type CertificateQuery = {
  q?: string;
  classId?: number;
  orgId?: number;
  personId?: number;
  status?: Certificate['status'];
  page?: number;
  pageSize?: number;
};

export function useCertificates(q: CertificateQuery, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.certificates(q),
    queryFn: () => api.get<CertificatePage>('/training/certificates', q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type ComplianceQuery = { headcount?: number; strict?: 'true' | 'false'; days?: number };

export function useCompliance(orgId: number | undefined, q: ComplianceQuery) {
  return useQuery({
    queryKey: trainingKeys.compliance(orgId ?? 0, q),
    queryFn: () => api.get<Compliance>(`/training/compliance/${orgId}`, q),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** A provider's figures for several months (one call per month, fetched together). */
export function useReachMonths(orgId: number | undefined, months: string[]) {
  return useQueries({
    queries: months.map((month) => ({
      queryKey: trainingKeys.reach(orgId ?? 0, month),
      queryFn: () => api.get<Reach>(`/training/reach/${orgId}`, { month }),
      enabled: orgId !== undefined,
    })),
  });
}

/** An enterprise's declared headcounts (TT 19/2016 first-aider rule), newest first. */
export function useWorkforce(orgId: number) {
  return useQuery({
    queryKey: trainingKeys.workforce(orgId),
    queryFn: () => api.get<Workforce[]>(`/training/workforce/${orgId}`),
  });
}

// ——— Writes ———

type Body<S extends z.ZodType> = z.output<S>;

/** Refreshes everything training after a write (lists, details); cheap and never stale. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trainingKeys.all });
}

export function useCreateCourse() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Body<typeof createCourseTypeBody>) => api.post<Course>('/training/course-types', body),
    onSuccess: refresh,
  });
}

export function useCreateTrainer() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Body<typeof createTrainerBody>) => api.post<Trainer>('/training/trainers', body),
    onSuccess: refresh,
  });
}

export function useDeclareWorkforce() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Body<typeof workforceBody>) => api.post<Workforce>('/training/workforce', body),
    onSuccess: refresh,
  });
}

type RequestChange =
  | { kind: 'create'; body: Body<typeof createRequestBody> }
  | { kind: 'decide'; id: number; body: Body<typeof decideRequestBody> }
  | { kind: 'schedule'; id: number; body: Body<typeof scheduleRequestBody> };

function runRequestChange(change: RequestChange): Promise<TrainingRequest> {
  switch (change.kind) {
    case 'create':
      return api.post<TrainingRequest>('/training/requests', change.body);
    case 'decide':
      return api.post<TrainingRequest>(`/training/requests/${change.id}/decision`, change.body);
    case 'schedule':
      return api.post<TrainingRequest>(`/training/requests/${change.id}/schedule`, change.body);
  }
}

export function useRequestChange() {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: runRequestChange,
    onSuccess: (r) => {
      queryClient.setQueryData(trainingKeys.request(r.id), r);
      return refresh();
    },
  });
}

type ClassChange =
  | { kind: 'create'; body: Body<typeof createClassBody> }
  | { kind: 'update'; id: number; body: Body<typeof updateClassBody> }
  | { kind: 'sessions'; id: number; body: Body<typeof setSessionsBody> }
  | { kind: 'trainers'; id: number; trainerIds: number[] }
  | { kind: 'status'; id: number; body: Body<typeof classStatusBody> }
  | { kind: 'payment'; id: number; body: Body<typeof classPaymentBody> };

function runClassChange(change: ClassChange): Promise<TrainingClass> {
  const base = '/training/classes';
  switch (change.kind) {
    case 'create':
      return api.post<TrainingClass>(base, change.body);
    case 'update':
      return request<TrainingClass>('PUT', `${base}/${change.id}`, { body: change.body });
    case 'sessions':
      return request<TrainingClass>('PUT', `${base}/${change.id}/sessions`, { body: change.body });
    case 'trainers':
      return request<TrainingClass>('PUT', `${base}/${change.id}/trainers`, {
        body: { trainerIds: change.trainerIds },
      });
    case 'status':
      return api.post<TrainingClass>(`${base}/${change.id}/status`, change.body);
    case 'payment':
      return request<TrainingClass>('PUT', `${base}/${change.id}/payment`, { body: change.body });
  }
}

export function useClassChange() {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: runClassChange,
    onSuccess: (c) => {
      queryClient.setQueryData(trainingKeys.class(c.id), c);
      return refresh();
    },
  });
}

export function useEnrol(classId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (personIds: number[]) =>
      api.post<z.infer<typeof enrolResult>>(`/training/classes/${classId}/enrolments`, { personIds }),
    onSuccess: refresh,
  });
}

export function useCancelEnrolment(classId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (personId: number) =>
      api.delete<z.infer<typeof cancelEnrolmentResult>>(
        `/training/classes/${classId}/enrolments/${personId}`,
      ),
    onSuccess: refresh,
  });
}

export function useSaveAttendance(classId: number, sessionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<typeof attendanceBody>) =>
      request<Attendance>('PUT', `/training/classes/${classId}/sessions/${sessionId}/attendance`, { body }),
    onSuccess: (a) => queryClient.setQueryData(trainingKeys.attendance(classId, sessionId), a),
  });
}

export function useSaveResults(classId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Body<typeof resultsBody>) =>
      request<Enrolment[]>('PUT', `/training/classes/${classId}/results`, { body }),
    onSuccess: refresh,
  });
}

export function useIssueCertificates(classId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.post<IssueCertificatesResult>(`/training/classes/${classId}/certificates`),
    onSuccess: refresh,
  });
}

export function useCertificateChange() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: number; action: 'revoke' | 'reissue'; reason: string }) =>
      action === 'revoke'
        ? api.post<Certificate>(`/training/certificates/${id}/revoke`, { reason })
        : api
            .post<z.infer<typeof reissueResult>>(`/training/certificates/${id}/reissue`, { reason })
            .then((r) => r.certificate),
    onSuccess: refresh,
  });
}

export type RosterPhase = RosterProgress;

/**
 * Roster import: preview writes nothing; commit writes every row or none. The server streams its phases
 * (reading, checking N rows, writing done/total people, enrolling) before the result; an error inside the
 * stream arrives as its last line, with the same body as an HTTP error.
 */
export async function uploadRoster(
  classId: number,
  file: Blob,
  mode: 'preview' | 'commit',
  onProgress: (percent: number) => void,
  onPhase: (phase: RosterPhase) => void = () => {},
): Promise<RosterResult> {
  let result: RosterResult | null = null;
  let failure: ApiError | null = null;
  await uploadLines(`/training/classes/${classId}/roster`, file, { mode }, onProgress, (line) => {
    const l = line as { progress?: RosterPhase; result?: RosterResult; error?: ErrorPayload };
    if (l.progress) onPhase(l.progress);
    if (l.result) result = l.result;
    if (l.error) failure = new ApiError(400, l.error);
  });
  if (failure) throw failure;
  if (!result) throw new ApiError(0, { code: 'network', message: 'Network error' });
  return result;
}

/**
 * The class's certificates in one PDF, read as it streams: the server sends `x-certificate-count` and draws
 * one page per certificate, so counting the page objects that have arrived gives the progress.
 */
export async function downloadClassCertificates(
  classId: number,
  onProgress: (done: number, total: number) => void,
) {
  const decoder = new TextDecoder('latin1');
  let tail = '';
  let pages = 0;
  const result = await fetchStream(`/training/classes/${classId}/certificates.pdf`, (chunk, headers) => {
    const total = Number(headers.get('x-certificate-count') ?? 0);
    const text = tail + decoder.decode(chunk, { stream: true });
    pages += (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
    // A page marker split across two chunks is counted once, in the next chunk.
    tail = text.slice(-16).replace(/^[\s\S]*\/Type \/Page\b(?!s)/, '');
    onProgress(Math.min(pages, total), total);
  });
  return result;
}

/** Files the server builds: plain links, downloaded with the session cookie. */
export const trainingFiles = {
  rosterTemplate: () => buildUrl('/training/roster-template.xlsx'),
  rosterXlsx: (classId: number) => buildUrl(`/training/classes/${classId}/roster.xlsx`),
  attendanceSheet: (classId: number) => buildUrl(`/training/classes/${classId}/attendance-sheet.pdf`),
  certificatePdf: (id: number) => buildUrl(`/training/certificates/${id}.pdf`),
  classCertificatesPdf: (classId: number) => buildUrl(`/training/classes/${classId}/certificates.pdf`),
};
