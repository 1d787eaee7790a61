import type {
  dueReportItem,
  ReportListPage,
  ReportView,
  ReviewQueuePage,
  reportFormView,
  reportListItem,
  reportListQuery,
  reviewReportBody,
  saveReportBody,
} from '@contracts/plans.ts';
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl } from '../../../app/api-client.ts';
import { dashboardKeys } from './dashboard.ts';
import { planKeys } from './plans.ts';

export type ReportForm = z.infer<typeof reportFormView>;
export type ReportListItem = z.infer<typeof reportListItem>;
export type DueReport = z.infer<typeof dueReportItem>;
export type Timeliness = ReportView['timeliness'];
export type ReportStatus = ReportListItem['status'];
type ListQuery = z.output<typeof reportListQuery>;
/** The reviewer's list: what the reports tab asks for (the plan is the tab's). */
export type ReportListFilter = Pick<ListQuery, 'orgId' | 'periodKey' | 'page' | 'pageSize'> &
  Partial<Pick<ListQuery, 'status' | 'timeliness' | 'q' | 'sort' | 'order'>>;

export const reportKeys = {
  /** The reviewer's lists of a plan, whatever the filter. */
  lists: (id: number) => [...planKeys.all, 'reports', id] as const,
  list: (id: number, filter: ReportListFilter) => [...reportKeys.lists(id), filter] as const,
  /** The reports of a plan opened for review. */
  details: (id: number) => [...planKeys.all, 'report', id] as const,
  detail: (id: number, reportId: number) => [...reportKeys.details(id), reportId] as const,
  /** The report forms of a plan, whatever the unit or period. */
  forms: (id: number) => [...planKeys.all, 'form', id] as const,
  form: (id: number, orgId: number, periodKey: string) =>
    [...reportKeys.forms(id), orgId, periodKey] as const,
  /** The inbox of reports due, every state. */
  dues: () => [...planKeys.all, 'due'] as const,
  due: (state: 'open' | 'all') => [...reportKeys.dues(), state] as const,
};

/** A page of the reviewer's queue; the page shown stays while the next one loads. */
export function useReportList(id: number, filter: ReportListFilter) {
  return useQuery({
    queryKey: reportKeys.list(id, filter),
    queryFn: () => api.get<ReportListPage>(`/plans/${id}/reports`, filter),
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: number, reportId: number | null) {
  return useQuery({
    queryKey: reportKeys.detail(id, reportId ?? 0),
    queryFn: () => api.get<ReportView>(`/plans/${id}/reports/${reportId}`),
    enabled: reportId !== null,
  });
}

export function useReportForm(id: number, orgId: number | undefined, periodKey: string | undefined) {
  return useQuery({
    queryKey: reportKeys.form(id, orgId ?? 0, periodKey ?? ''),
    queryFn: () => api.get<ReportForm>(`/plans/${id}/report-form`, { orgId, periodKey }),
    enabled: orgId !== undefined && !!periodKey,
    // Fresh on every visit; never refetched while it is being filled in (no focus refetch or polling).
    staleTime: 0,
  });
}

export function useDueReports(state: 'open' | 'all') {
  return useQuery({
    queryKey: reportKeys.due(state),
    queryFn: () => api.get<DueReport[]>('/reports/due', { state }),
    placeholderData: keepPreviousData,
  });
}

/** Everything that a report's change shows up in: the reviewer's list, dashboards, the inbox. */
function invalidateReports(queryClient: QueryClient, planId: number) {
  return Promise.all(
    [reportKeys.lists(planId), reportKeys.details(planId), dashboardKeys.plan(planId), reportKeys.dues()].map(
      (queryKey) => queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

export function useSaveReport(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof saveReportBody>) =>
      api.post<ReportView>(`/plans/${planId}/reports`, body),
    onSuccess: (report) => {
      // The saved report replaces the form's; what only the form carries (target, previous period) stays.
      queryClient.setQueryData<ReportForm>(reportKeys.form(planId, report.orgId, report.periodKey), (old) =>
        old ? { ...old, ...report, prefilled: [] } : old,
      );
      return invalidateReports(queryClient, planId);
    },
  });
}

export function useReviewReport(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, body }: { reportId: number; body: z.output<typeof reviewReportBody> }) =>
      api.post<ReportView>(`/plans/${planId}/reports/${reportId}/review`, body),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(planId, report.id), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.forms(planId) });
      return invalidateReports(queryClient, planId);
    },
  });
}

/** The report's spreadsheet to fill offline: a link downloaded with the session cookie. */
export const reportFiles = {
  template: (id: number, orgId: number, periodKey: string) =>
    buildUrl(`/plans/${id}/report-template.xlsx`, { orgId, periodKey }),
};

export type ReviewQueue = ReviewQueuePage;
export type ReviewQueueItem = ReviewQueue['items'][number];

/** The reviewer's queue across plans (also counted on the home page and the menu). */
export function useReviewQueue(filter: {
  planId?: number;
  periodKey?: string;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: [...planKeys.all, 'review-queue', filter] as const,
    queryFn: () => api.get<ReviewQueue>('/reports/review-queue', filter),
    placeholderData: keepPreviousData,
  });
}

/** Accepts the chosen reports, all or none; every list and total that showed them is read again. */
export function useAcceptReports() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reports: { planId: number; reportId: number; version: number }[]) =>
      api.post<{ accepted: number }>('/reports/review-queue/accept', { reports }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}
