import type {
  ClassView,
  classListItem,
  classPaymentBody,
  classStatusBody,
  createClassBody,
  setSessionsBody,
  updateClassBody,
} from '@contracts/training.ts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../app/api-client.ts';
import { type Body, trainingKeys, useRefreshTraining } from './shared.ts';

export type ClassListItem = z.infer<typeof classListItem>;
export type ClassStatus = ClassListItem['status'];
export type TrainingClass = ClassView;
export type Enrolment = ClassView['enrolments'][number];
export type Session = ClassView['sessions'][number];
export type ClassFilter = { status?: ClassStatus; requestId?: number };

export const classKeys = {
  list: (f: ClassFilter) => [...trainingKeys.all, 'classes', f] as const,
  detail: (id: number) => [...trainingKeys.all, 'class', id] as const,
};

export function useClasses(f: ClassFilter = {}, enabled = true) {
  return useQuery({
    queryKey: classKeys.list(f),
    queryFn: () => api.get<ClassListItem[]>('/training/classes', f),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTrainingClass(id: number | undefined) {
  return useQuery({
    queryKey: classKeys.detail(id ?? 0),
    queryFn: () => api.get<TrainingClass>(`/training/classes/${id}`),
    enabled: id !== undefined,
  });
}

/** Several classes in full (e.g. a request's classes, for its service agreement). */
export function useClassDetails(ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: classKeys.detail(id),
      queryFn: () => api.get<TrainingClass>(`/training/classes/${id}`),
    })),
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

/** A class's details, sessions, trainers, status and payment. */
export function useClassChange() {
  const queryClient = useQueryClient();
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: runClassChange,
    onSuccess: (c) => {
      queryClient.setQueryData(classKeys.detail(c.id), c);
      return refresh();
    },
  });
}
