import type {
  CommitAssignmentsBody,
  OverlapConflict,
  WaveAssignmentsView,
} from '@contracts/volunteers/deployment.ts';
import type { CreateShiftBody, ShiftView, SignupBody } from '@contracts/volunteers/deployment-shifts.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl, isApiError, type Query, request } from '../../../../app/api-client.ts';

/** Deployment's calls: a wave's assignments and shifts, and the writes that refresh them. */

export type WaveAssignments = WaveAssignmentsView;
export type Assignment = WaveAssignmentsView['assignments'][number];
export type Shift = ShiftView;
export type Signup = ShiftView['signups'][number];

const keys = {
  wave: (waveId: number) => ['volunteers', 'waves', waveId] as const,
  assignments: (waveId: number) => ['volunteers', 'waves', waveId, 'assignments'] as const,
  shifts: (waveId: number) => ['volunteers', 'waves', waveId, 'shifts'] as const,
};

export function useWaveAssignments(waveId: number) {
  return useQuery({
    queryKey: keys.assignments(waveId),
    queryFn: () => api.get<WaveAssignments>(`/waves/${waveId}/assignments`),
  });
}

export function useWaveShifts(waveId: number) {
  return useQuery({
    queryKey: keys.shifts(waveId),
    queryFn: () =>
      api.get<{ shifts: Shift[]; can: { create: boolean; signUp: boolean } }>(`/waves/${waveId}/shifts`),
  });
}

/** Every write refreshes the whole wave (its fill counts move with deployments). */
function useWaveWrite<V>(waveId: number, run: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.wave(waveId) }),
  });
}

export const useCommitAssignments = (waveId: number) =>
  useWaveWrite(waveId, (body: CommitAssignmentsBody) => api.post(`/waves/${waveId}/assignments`, body));

export const useAssignmentAction = (waveId: number) =>
  useWaveWrite(waveId, (v: { id: number; action: 'end' | 'cancel' | 'incidents'; body: object }) =>
    api.post(`/assignments/${v.id}/${v.action}`, v.body),
  );

export const useCreateShift = (waveId: number) =>
  useWaveWrite(waveId, (body: CreateShiftBody) => api.post(`/waves/${waveId}/shifts`, body));

export const useSignUp = (waveId: number) =>
  useWaveWrite(waveId, (v: { shiftId: number; body: SignupBody }) =>
    api.post(`/shifts/${v.shiftId}/signups`, v.body),
  );

export const useSignupAction = (waveId: number) =>
  useWaveWrite(
    waveId,
    (
      v:
        | { id: number; action: 'check-in' | 'check-out' | 'approve-hours' }
        | { id: number; hours: number; note: string },
    ) =>
      'action' in v
        ? api.post(`/shift-signups/${v.id}/${v.action}`)
        : request('PUT', `/shift-signups/${v.id}/hours`, { body: { hours: v.hours, note: v.note } }),
  );

/** The per-item conflicts of a refused deployment (409 deployment.overlap), or none. */
export function overlapConflicts(e: unknown): OverlapConflict[] {
  if (!isApiError(e) || e.code !== 'deployment.overlap') return [];
  return (e.details as { conflicts?: OverlapConflict[] } | null)?.conflicts ?? [];
}

/** Documents are plain links, downloaded with the session cookie. */
export const documentUrl = (path: string, query?: Query) => buildUrl(path, query);

/** HH:mm and the day of an instant, in Vietnam (UTC+7, no daylight saving). */
export const vnClock = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(11, 16);
