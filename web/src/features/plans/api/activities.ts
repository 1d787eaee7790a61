import type { ActivityView, activityActualsBody, activityInput } from '@contracts/plans.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../app/api-client.ts';
import { planKeys } from './plans.ts';

type ActivityChange =
  | { kind: 'add'; planId: number; body: z.output<typeof activityInput> }
  | { kind: 'update'; planId: number; id: number; body: z.output<typeof activityInput> & { version: number } }
  | { kind: 'remove'; planId: number; id: number }
  | { kind: 'actuals'; planId: number; id: number; body: z.output<typeof activityActualsBody> };

function runActivityChange(change: ActivityChange): Promise<ActivityView | undefined> {
  const base = `/plans/${change.planId}/activities`;
  switch (change.kind) {
    case 'add':
      return api.post<ActivityView>(base, change.body);
    case 'update':
      return request<ActivityView>('PUT', `${base}/${change.id}`, { body: change.body });
    case 'remove':
      return api.delete<undefined>(`${base}/${change.id}`);
    case 'actuals':
      return request<ActivityView>('PUT', `${base}/${change.id}/actuals`, { body: change.body });
  }
}

/** Activities live in the plan's view: a change refreshes that plan. */
export function useActivityChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runActivityChange,
    onSuccess: (_r, change) => queryClient.invalidateQueries({ queryKey: planKeys.detail(change.planId) }),
  });
}
