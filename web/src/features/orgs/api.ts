import type {
  closeOrgBody,
  createOrgBody,
  mergeOrgBody,
  moveOrgBody,
  OrgDetail,
  OrgEvent,
  OrgKind,
  OrgSummary,
  orgPage,
  reopenOrgBody,
  updateOrgBody,
} from '@contracts/orgs.ts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client.ts';

export type OrgPage = z.infer<typeof orgPage>;
export type ChildrenStatus = 'active' | 'all';
export type OrgSearch = {
  q?: string;
  kind?: OrgKind;
  status?: 'active' | 'closed' | 'merged' | 'all';
  under?: number;
  page?: number;
  pageSize?: number;
};

export const orgKeys = {
  all: ['orgs'] as const,
  roots: () => ['orgs', 'roots'] as const,
  children: (id: number, status: ChildrenStatus) => ['orgs', 'children', id, status] as const,
  search: (params: OrgSearch) => ['orgs', 'search', params] as const,
  detail: (id: number) => ['orgs', 'detail', id] as const,
  history: (id: number) => ['orgs', 'history', id] as const,
};

export const rootsQuery = () =>
  queryOptions({ queryKey: orgKeys.roots(), queryFn: () => api.get<OrgSummary[]>('/orgs/roots') });

export const childrenQuery = (id: number, status: ChildrenStatus) =>
  queryOptions({
    queryKey: orgKeys.children(id, status),
    queryFn: () => api.get<OrgSummary[]>(`/orgs/${id}/children`, { status }),
  });

export function useOrgSearch(params: OrgSearch, enabled = true) {
  return useQuery({
    queryKey: orgKeys.search(params),
    queryFn: () => api.get<OrgPage>('/orgs', params),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useOrg(id: number | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? 0),
    queryFn: () => api.get<OrgDetail>(`/orgs/${id}`),
    enabled: id !== undefined,
  });
}

export function useOrgHistory(id: number, enabled: boolean) {
  return useQuery({
    queryKey: orgKeys.history(id),
    queryFn: () => api.get<OrgEvent[]>(`/orgs/${id}/history`),
    enabled,
  });
}

export function useOrgChildren(id: number, status: ChildrenStatus, enabled = true) {
  return useQuery({ ...childrenQuery(id, status), enabled });
}

type Action =
  | { kind: 'create'; body: z.output<typeof createOrgBody> }
  | { kind: 'update'; id: number; body: z.output<typeof updateOrgBody> }
  | { kind: 'move'; id: number; body: z.output<typeof moveOrgBody> }
  | { kind: 'merge'; id: number; body: z.output<typeof mergeOrgBody> }
  | { kind: 'close'; id: number; body: z.output<typeof closeOrgBody> }
  | { kind: 'reopen'; id: number; body: z.output<typeof reopenOrgBody> };

function runAction(action: Action): Promise<OrgDetail> {
  switch (action.kind) {
    case 'create':
      return api.post<OrgDetail>('/orgs', action.body);
    case 'update':
      return api.patch<OrgDetail>(`/orgs/${action.id}`, action.body);
    default:
      return api.post<OrgDetail>(`/orgs/${action.id}/${action.kind}`, action.body);
  }
}

/** Every change to an organisation: afterwards the tree, lists, details and histories are refreshed. */
export function useOrgAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runAction,
    onSuccess: (org) => {
      queryClient.setQueryData(orgKeys.detail(org.id), org);
      return queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}
