import type { CourseTypeView, createCourseTypeBody } from '@contracts/training.ts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import { type Body, trainingKeys, useRefreshTraining } from './shared.ts';

export type Course = CourseTypeView;
export type Provider = {
  id: number;
  name: string;
  shortName: string | null;
  parentName: string | null;
  kind: string;
  courseTypeIds: number[];
};

export const catalogueKeys = {
  courses: () => [...trainingKeys.all, 'courses'] as const,
  providers: () => [...trainingKeys.all, 'providers'] as const,
};

export function useCourses() {
  return useQuery({
    queryKey: catalogueKeys.courses(),
    queryFn: () => api.get<Course[]>('/training/course-types'),
    staleTime: 5 * 60_000,
  });
}

/** Organisations that run training (an enterprise cannot browse the Red Cross tree to find them). */
export function useProviders() {
  return useQuery({
    queryKey: catalogueKeys.providers(),
    queryFn: () => api.get<Provider[]>('/training/providers'),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useCreateCourse() {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: (body: Body<typeof createCourseTypeBody>) => api.post<Course>('/training/course-types', body),
    onSuccess: refresh,
  });
}
