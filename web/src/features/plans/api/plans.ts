import type { amendPlanBody, createPlanBody, PlanView } from '@contracts/plans.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api-client.ts';

export type PlanListItem = Pick<
  PlanView,
  | 'id'
  | 'issuerOrgId'
  | 'issuerName'
  | 'kind'
  | 'number'
  | 'title'
  | 'issuedOn'
  | 'periodStart'
  | 'periodEnd'
  | 'status'
  | 'reportPeriodType'
  | 'reportDueOn'
  | 'implementsPlanId'
  | 'revision'
  | 'version'
>;
export type Indicator = PlanView['indicators'][number];

/** The plans' life cycle; `all` is the root of every plans query key (the sub-features' keys start with it). */
export const planKeys = {
  all: ['plans'] as const,
  list: () => [...planKeys.all, 'list'] as const,
  detail: (id: number) => [...planKeys.all, 'detail', id] as const,
};

export function usePlans() {
  return useQuery({ queryKey: planKeys.list(), queryFn: () => api.get<PlanListItem[]>('/plans') });
}

export function usePlan(id: number | undefined) {
  return useQuery({
    queryKey: planKeys.detail(id ?? 0),
    queryFn: () => api.get<PlanView>(`/plans/${id}`),
    enabled: id !== undefined,
  });
}

type PlanChange =
  | { kind: 'create'; body: z.output<typeof createPlanBody> }
  | { kind: 'issue' | 'close'; id: number; version: number }
  | { kind: 'amend'; id: number; body: z.output<typeof amendPlanBody> }
  | { kind: 'implement'; id: number; issuerOrgId: number };

function runPlanChange(change: PlanChange): Promise<PlanView> {
  switch (change.kind) {
    case 'create':
      return api.post<PlanView>('/plans', change.body);
    case 'issue':
    case 'close':
      return api.post<PlanView>(`/plans/${change.id}/${change.kind}`, { version: change.version });
    case 'amend':
      return api.post<PlanView>(`/plans/${change.id}/amend`, change.body);
    case 'implement':
      return api.post<PlanView>(`/plans/${change.id}/implement`, { issuerOrgId: change.issuerOrgId });
  }
}

/** Every change to a plan as a whole; afterwards lists, details and the inbox are refreshed. */
export function usePlanChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runPlanChange,
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}
