import type {
  CreatePersonBody,
  duplicatePair,
  mergeResult,
  PersonView,
  personPage,
  UpdatePersonBody,
} from '@contracts/people.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client.ts';

export type Person = PersonView;
export type PersonPage = z.infer<typeof personPage>;
export type DuplicatePair = z.infer<typeof duplicatePair>;
export type PersonSearch = {
  q?: string;
  orgId?: number;
  employerOrgId?: number;
  status?: 'active' | 'merged' | 'all';
  page?: number;
  pageSize?: number;
};

export const peopleKeys = {
  all: ['people'] as const,
  list: (params: PersonSearch) => ['people', 'list', params] as const,
  detail: (id: number, reveal: boolean) => ['people', 'detail', id, reveal] as const,
  duplicates: (orgId: number) => ['people', 'duplicates', orgId] as const,
};

/** Search ignores diacritics on the server ("nguyen van an" finds "Nguyễn Văn An"); a full CCCD is exact. */
export function usePeople(params: PersonSearch, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(params),
    queryFn: () => api.get<PersonPage>('/people', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One person; `reveal` asks for the full CCCD (person.sensitive; the server audits the read). */
export function usePerson(id: number | undefined, reveal = false) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? 0, reveal),
    queryFn: () => api.get<Person>(`/people/${id}`, { reveal: reveal ? 'cccd' : undefined }),
    enabled: id !== undefined,
    staleTime: reveal ? 0 : 30_000,
    gcTime: reveal ? 0 : undefined,
  });
}

export function useDuplicates(orgId: number | undefined) {
  return useQuery({
    queryKey: peopleKeys.duplicates(orgId ?? 0),
    queryFn: () => api.get<DuplicatePair[]>('/people/duplicates', { orgId }),
    enabled: orgId !== undefined,
  });
}

type PersonChange =
  | { kind: 'create'; body: CreatePersonBody }
  | { kind: 'update'; id: number; body: UpdatePersonBody }
  | { kind: 'merge'; id: number; intoId: number; version: number };

function runPersonChange(change: PersonChange): Promise<Person> {
  switch (change.kind) {
    case 'create':
      return api.post<Person>('/people', change.body);
    case 'update':
      return api.patch<Person>(`/people/${change.id}`, change.body);
    case 'merge':
      return api
        .post<z.infer<typeof mergeResult>>(`/people/${change.id}/merge`, {
          intoId: change.intoId,
          version: change.version,
        })
        .then((r) => r.kept);
  }
}

export function usePersonChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runPersonChange,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['training'] }),
      ]),
  });
}
