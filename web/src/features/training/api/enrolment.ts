import type { RosterProgress, RosterResult } from '@contracts/people.ts';
import type { cancelEnrolmentResult, enrolResult } from '@contracts/training.ts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api, buildUrl, uploadLines } from '../../../app/api-client.ts';
import { useRefreshTraining } from './shared.ts';

type ErrorPayload = ConstructorParameters<typeof ApiError>[1];

export function useEnrol(classId: number) {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: (personIds: number[]) =>
      api.post<z.infer<typeof enrolResult>>(`/training/classes/${classId}/enrolments`, { personIds }),
    onSuccess: refresh,
  });
}

export function useCancelEnrolment(classId: number) {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: (personId: number) =>
      api.delete<z.infer<typeof cancelEnrolmentResult>>(
        `/training/classes/${classId}/enrolments/${personId}`,
      ),
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

/** Files the server builds: plain links, downloaded with the session cookie. */
export const rosterFiles = {
  template: () => buildUrl('/training/roster-template.xlsx'),
  xlsx: (classId: number) => buildUrl(`/training/classes/${classId}/roster.xlsx`),
};
