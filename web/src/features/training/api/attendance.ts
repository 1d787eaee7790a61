import type { attendanceBody, attendanceView, resultsBody } from '@contracts/training.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl, request } from '../../../app/api-client.ts';
import type { Enrolment } from './classes.ts';
import { type Body, trainingKeys, useRefreshTraining } from './shared.ts';

export type Attendance = z.infer<typeof attendanceView>;
export type AttendanceStatus = NonNullable<Attendance['entries'][number]['status']>;

export const attendanceKeys = {
  session: (classId: number, sessionId: number) =>
    [...trainingKeys.all, 'attendance', classId, sessionId] as const,
};

export function useAttendance(classId: number, sessionId: number | undefined) {
  return useQuery({
    queryKey: attendanceKeys.session(classId, sessionId ?? 0),
    queryFn: () => api.get<Attendance>(`/training/classes/${classId}/sessions/${sessionId}/attendance`),
    enabled: sessionId !== undefined,
    staleTime: 0,
  });
}

export function useSaveAttendance(classId: number, sessionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<typeof attendanceBody>) =>
      request<Attendance>('PUT', `/training/classes/${classId}/sessions/${sessionId}/attendance`, { body }),
    onSuccess: (a) => queryClient.setQueryData(attendanceKeys.session(classId, sessionId), a),
  });
}

export function useSaveResults(classId: number) {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: (body: Body<typeof resultsBody>) =>
      request<Enrolment[]>('PUT', `/training/classes/${classId}/results`, { body }),
    onSuccess: refresh,
  });
}

/** The printable sign-in sheet, a plain link downloaded with the session cookie. */
export const attendanceFiles = {
  sheet: (classId: number) => buildUrl(`/training/classes/${classId}/attendance-sheet.pdf`),
};
