import type { ActivityView, activityInput, PlanView, updatePlanBody } from '@contracts/plans.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../app/api-client.ts';
import { planKeys } from './plans.ts';

type ActivityBody = z.output<typeof activityInput>;
export type DesiredActivity = { id?: number; body: ActivityBody };
export type ActivityFailure = { title: string; error: unknown };

/** An activity as the API reads it, for comparing the form's copy with the stored one. */
function comparable(a: ActivityBody | ActivityView): string {
  const body: ActivityBody =
    'partners' in a
      ? {
          type: a.type,
          title: a.title,
          leadOrgId: a.leadOrgId,
          partnerOrgIds: a.partners.map((p) => p.orgId),
          startsOn: a.startsOn,
          endsOn: a.endsOn,
          notes: a.notes,
          outputs: a.outputs.map((o) => ({ metric: o.metric, planned: o.planned })),
        }
      : a;
  return JSON.stringify([
    body.type,
    body.title,
    body.leadOrgId ?? null,
    [...body.partnerOrgIds].filter((id) => id !== body.leadOrgId).sort((x, y) => x - y),
    body.startsOn ?? null,
    body.endsOn ?? null,
    body.notes ?? null,
    [...body.outputs].map((o) => [o.metric, o.planned ?? null]).sort(),
  ]);
}

/**
 * Brings a saved draft's activities in line with the form: adds new ones, saves changed ones, removes
 * those taken off. PUT /api/plans/:id keeps a draft's activities as they are, so the form's list is
 * written through the activity routes; an activity the server already holds (same title and type) is
 * not added twice. Answers the activities that could not be written, with why.
 */
async function syncActivities(plan: PlanView, desired: DesiredActivity[]): Promise<ActivityFailure[]> {
  const base = `/plans/${plan.id}/activities`;
  const left = new Map(plan.activities.map((a) => [a.id, a]));
  const failures: ActivityFailure[] = [];
  const run = async (title: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      failures.push({ title, error });
    }
  };
  const pending: DesiredActivity[] = [];
  const kept: [DesiredActivity, ActivityView][] = [];
  for (const d of desired) {
    const stored = d.id !== undefined ? left.get(d.id) : undefined;
    if (stored) {
      left.delete(stored.id);
      kept.push([d, stored]);
    } else pending.push(d);
  }
  for (const d of pending) {
    const twin = [...left.values()].find((a) => a.title === d.body.title && a.type === d.body.type);
    if (twin) {
      left.delete(twin.id);
      kept.push([d, twin]);
    } else await run(d.body.title, () => api.post<ActivityView>(base, d.body));
  }
  for (const [d, stored] of kept) {
    if (comparable(d.body) !== comparable(stored))
      await run(d.body.title, () =>
        request<ActivityView>('PUT', `${base}/${stored.id}`, {
          body: { ...d.body, version: stored.version },
        }),
      );
  }
  for (const gone of left.values()) await run(gone.title, () => api.delete(`${base}/${gone.id}`));
  return failures;
}

/** Saves an edited draft whole: the plan (PUT), then its activities; lists and details are refreshed. */
export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (v: {
      id: number;
      body: z.output<typeof updatePlanBody>;
      activities: DesiredActivity[];
    }) => {
      const plan = await request<PlanView>('PUT', `/plans/${v.id}`, { body: v.body });
      const failures = await syncActivities(plan, v.activities);
      return { plan, failures };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}
