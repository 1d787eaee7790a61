import type {
  enterpriseComplianceView,
  reachView,
  workforceBody,
  workforceView,
} from '@contracts/training.ts';
import { keepPreviousData, useMutation, useQueries, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api-client.ts';
import { type Body, trainingKeys, useRefreshTraining } from './shared.ts';

export type Compliance = z.infer<typeof enterpriseComplianceView>;
export type Reach = z.infer<typeof reachView>;
export type Workforce = z.infer<typeof workforceView>;
export type ComplianceQuery = { headcount?: number; strict?: 'true' | 'false'; days?: number };

export const complianceKeys = {
  enterprise: (orgId: number, q: ComplianceQuery) => [...trainingKeys.all, 'compliance', orgId, q] as const,
  reach: (orgId: number, month: string) => [...trainingKeys.all, 'reach', orgId, month] as const,
  workforce: (orgId: number) => [...trainingKeys.all, 'workforce', orgId] as const,
};

export function useCompliance(orgId: number | undefined, q: ComplianceQuery) {
  return useQuery({
    queryKey: complianceKeys.enterprise(orgId ?? 0, q),
    queryFn: () => api.get<Compliance>(`/training/compliance/${orgId}`, q),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** A provider's figures for several months (one call per month, fetched together). */
export function useReachMonths(orgId: number | undefined, months: string[]) {
  return useQueries({
    queries: months.map((month) => ({
      queryKey: complianceKeys.reach(orgId ?? 0, month),
      queryFn: () => api.get<Reach>(`/training/reach/${orgId}`, { month }),
      enabled: orgId !== undefined,
    })),
  });
}

/** An enterprise's declared headcounts (TT 19/2016 first-aider rule), newest first. */
export function useWorkforce(orgId: number) {
  return useQuery({
    queryKey: complianceKeys.workforce(orgId),
    queryFn: () => api.get<Workforce[]>(`/training/workforce/${orgId}`),
  });
}

export function useDeclareWorkforce() {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: (body: Body<typeof workforceBody>) => api.post<Workforce>('/training/workforce', body),
    onSuccess: refresh,
  });
}
