import type { DashboardBehindPage, DashboardView } from '@contracts/plans.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../../app/api-client.ts';
import { planKeys } from './plans.ts';

export const dashboardKeys = {
  /** Every dashboard of a plan, whatever the unit or period. */
  plan: (id: number) => [...planKeys.all, 'dashboard', id] as const,
  view: (id: number, orgId: number, periodKey: string) =>
    [...dashboardKeys.plan(id), orgId, periodKey] as const,
  behind: (id: number, orgId: number, periodKey: string, page: number) =>
    [...dashboardKeys.view(id, orgId, periodKey), 'behind', page] as const,
};

export function useDashboard(id: number, orgId: number, periodKey: string) {
  return useQuery({
    queryKey: dashboardKeys.view(id, orgId, periodKey),
    queryFn: () => api.get<DashboardView>(`/plans/${id}/dashboard`, { orgId, periodKey }),
    placeholderData: keepPreviousData,
  });
}

export const BEHIND_PAGE_SIZE = 50;

/** Every late or missing unit of a dashboard, a page at a time (the dashboard itself names the first 50). */
export function useDashboardBehind(
  id: number,
  orgId: number,
  periodKey: string,
  page: number,
  enabled: boolean,
) {
  return useQuery({
    queryKey: dashboardKeys.behind(id, orgId, periodKey, page),
    queryFn: () =>
      api.get<DashboardBehindPage>(`/plans/${id}/dashboard/behind`, {
        orgId,
        periodKey,
        page,
        pageSize: BEHIND_PAGE_SIZE,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The dashboard's exports: links, so the browser downloads them with the session cookie. */
export const dashboardFiles = {
  exportXlsx: (id: number, orgId: number, periodKey: string) =>
    buildUrl(`/plans/${id}/export.xlsx`, { orgId, periodKey }),
  summaryPdf: (id: number, orgId: number, periodKey: string) =>
    buildUrl(`/plans/${id}/summary.pdf`, { orgId, periodKey }),
};
