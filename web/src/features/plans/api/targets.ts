import type { setTargetsBody, targetSplit, targetTableView } from '@contracts/plans.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../app/api-client.ts';
import { dashboardKeys } from './dashboard.ts';
import { planKeys } from './plans.ts';

export type TargetTable = z.infer<typeof targetTableView>;
export type TargetSplit = z.infer<typeof targetSplit>;

export const targetKeys = {
  /** Every target table of a plan, whatever the parent or period. */
  plan: (id: number) => [...planKeys.all, 'targets', id] as const,
  table: (id: number, parentOrgId: number, periodKey: string) =>
    [...targetKeys.plan(id), parentOrgId, periodKey] as const,
};

export function useTargets(id: number, parentOrgId: number, periodKey: string) {
  return useQuery({
    queryKey: targetKeys.table(id, parentOrgId, periodKey),
    queryFn: () => api.get<TargetTable>(`/plans/${id}/targets`, { parentOrgId, periodKey }),
    placeholderData: keepPreviousData,
  });
}

/** Splitting chỉ tiêu (targets) changes the tables and the dashboards' "planned" column. */
export function useSetTargets(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof setTargetsBody>) =>
      request<TargetSplit>('PUT', `/plans/${planId}/targets`, { body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: targetKeys.plan(planId) }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.plan(planId) }),
      ]),
  });
}
