import type {
  ActivityView,
  activityActualsBody,
  activityInput,
  amendPlanBody,
  createPlanBody,
  DashboardBehindPage,
  DashboardView,
  dueReportItem,
  PlanView,
  RecipientsPage,
  ReportListPage,
  ReportView,
  recipientsQuery,
  reportFormView,
  reportListItem,
  reportListQuery,
  reviewReportBody,
  saveReportBody,
  setTargetsBody,
  targetSplit,
  targetTableView,
} from '@contracts/plans.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl, request } from '../../app/api-client.ts';

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
export type TargetTable = z.infer<typeof targetTableView>;
export type TargetSplit = z.infer<typeof targetSplit>;
export type ReportForm = z.infer<typeof reportFormView>;
export type ReportListItem = z.infer<typeof reportListItem>;
export type DueReport = z.infer<typeof dueReportItem>;
export type Indicator = PlanView['indicators'][number];
export type Timeliness = ReportView['timeliness'];
export type ReportStatus = ReportListItem['status'];
export type Recipient = RecipientsPage['items'][number];
type ListQuery = z.output<typeof reportListQuery>;
/** The reviewer's list: what the reports tab asks for (the plan is the tab's). */
export type ReportListFilter = Pick<ListQuery, 'orgId' | 'periodKey' | 'page' | 'pageSize'> &
  Partial<Pick<ListQuery, 'status' | 'timeliness' | 'q' | 'sort' | 'order'>>;
export type RecipientsFilter = Partial<z.output<typeof recipientsQuery>>;

export const planKeys = {
  all: ['plans'] as const,
  list: () => ['plans', 'list'] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
  targets: (id: number, parentOrgId: number, periodKey: string) =>
    ['plans', 'targets', id, parentOrgId, periodKey] as const,
  reports: (id: number, filter: ReportListFilter) => ['plans', 'reports', id, filter] as const,
  recipients: (id: number, filter: RecipientsFilter) => ['plans', 'recipients', id, filter] as const,
  report: (id: number, reportId: number) => ['plans', 'report', id, reportId] as const,
  form: (id: number, orgId: number, periodKey: string) => ['plans', 'form', id, orgId, periodKey] as const,
  dashboard: (id: number, orgId: number, periodKey: string) =>
    ['plans', 'dashboard', id, orgId, periodKey] as const,
  behind: (id: number, orgId: number, periodKey: string, page: number) =>
    ['plans', 'dashboard', id, orgId, periodKey, 'behind', page] as const,
  attachments: (id: number) => ['plans', 'attachments', id] as const,
  due: (state: 'open' | 'all') => ['plans', 'due', state] as const,
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

export function useTargets(id: number, parentOrgId: number, periodKey: string) {
  return useQuery({
    queryKey: planKeys.targets(id, parentOrgId, periodKey),
    queryFn: () => api.get<TargetTable>(`/plans/${id}/targets`, { parentOrgId, periodKey }),
    placeholderData: keepPreviousData,
  });
}

/** A page of the reviewer's queue; the page shown stays while the next one loads. */
export function useReportList(id: number, filter: ReportListFilter) {
  return useQuery({
    queryKey: planKeys.reports(id, filter),
    queryFn: () => api.get<ReportListPage>(`/plans/${id}/reports`, filter),
    placeholderData: keepPreviousData,
  });
}

/** A page of a plan's recipients (by role, name, or those the caller may act for). */
export function useRecipients(id: number, filter: RecipientsFilter, enabled = true) {
  return useQuery({
    queryKey: planKeys.recipients(id, filter),
    queryFn: () => api.get<RecipientsPage>(`/plans/${id}/recipients`, filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReport(id: number, reportId: number | null) {
  return useQuery({
    queryKey: planKeys.report(id, reportId ?? 0),
    queryFn: () => api.get<ReportView>(`/plans/${id}/reports/${reportId}`),
    enabled: reportId !== null,
  });
}

export function useReportForm(id: number, orgId: number | undefined, periodKey: string | undefined) {
  return useQuery({
    queryKey: planKeys.form(id, orgId ?? 0, periodKey ?? ''),
    queryFn: () => api.get<ReportForm>(`/plans/${id}/report-form`, { orgId, periodKey }),
    enabled: orgId !== undefined && !!periodKey,
    // Fresh on every visit; never refetched while it is being filled in (no focus refetch or polling).
    staleTime: 0,
  });
}

export function useDashboard(id: number, orgId: number, periodKey: string) {
  return useQuery({
    queryKey: planKeys.dashboard(id, orgId, periodKey),
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
    queryKey: planKeys.behind(id, orgId, periodKey, page),
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

export function useDueReports(state: 'open' | 'all') {
  return useQuery({
    queryKey: planKeys.due(state),
    queryFn: () => api.get<DueReport[]>('/reports/due', { state }),
    placeholderData: keepPreviousData,
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

export function useActivityChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runActivityChange,
    onSuccess: (_r, change) => queryClient.invalidateQueries({ queryKey: planKeys.detail(change.planId) }),
  });
}

export function useSetTargets(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof setTargetsBody>) =>
      request<TargetSplit>('PUT', `/plans/${planId}/targets`, { body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['plans', 'targets', planId] }),
        queryClient.invalidateQueries({ queryKey: ['plans', 'dashboard', planId] }),
      ]),
  });
}

/** Everything that a report's change shows up in: the reviewer's list, dashboards, the inbox. */
function invalidateReports(queryClient: ReturnType<typeof useQueryClient>, planId: number) {
  return Promise.all(
    ['reports', 'report', 'dashboard', 'due'].map((k) =>
      queryClient.invalidateQueries({ queryKey: k === 'due' ? ['plans', k] : ['plans', k, planId] }),
    ),
  );
}

export function useSaveReport(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof saveReportBody>) =>
      api.post<ReportView>(`/plans/${planId}/reports`, body),
    onSuccess: (report) => {
      queryClient.setQueryData(planKeys.form(planId, report.orgId, report.periodKey), report);
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
      queryClient.setQueryData(planKeys.report(planId, report.id), report);
      void queryClient.invalidateQueries({ queryKey: ['plans', 'form', planId] });
      return invalidateReports(queryClient, planId);
    },
  });
}

/** Files the server builds: links, so the browser downloads them with the session cookie. */
export const fileUrls = {
  exportXlsx: (id: number, orgId: number, periodKey: string) =>
    buildUrl(`/plans/${id}/export.xlsx`, { orgId, periodKey }),
  summaryPdf: (id: number, orgId: number, periodKey: string) =>
    buildUrl(`/plans/${id}/summary.pdf`, { orgId, periodKey }),
  reportTemplate: (id: number, orgId: number, periodKey: string) =>
    buildUrl(`/plans/${id}/report-template.xlsx`, { orgId, periodKey }),
  attachment: (id: number, attachmentId: number) => buildUrl(`/plans/${id}/attachments/${attachmentId}`),
};
