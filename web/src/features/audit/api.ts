import type { auditPage } from '@contracts/audit.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl } from '../../app/api-client.ts';

export type AuditPage = z.infer<typeof auditPage>;
export type AuditFilters = {
  userId?: number;
  entityType?: string;
  action?: string;
  orgId?: number;
  from?: string;
  to?: string;
  /** `changes` hides sign-ins (the page's default), `signins` shows only them, none shows both. */
  kind?: 'changes' | 'signins';
};

export function useAudit(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api.get<AuditPage>('/audit', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export const auditExportUrl = (filters: AuditFilters, lang: 'vi' | 'en') =>
  buildUrl('/audit/export.xlsx', { ...filters, lang });

/** The object's page in the app, for the entity types that have one. */
export function entityPath(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  const paths: Record<string, string> = {
    organisation: `/orgs/${entityId}`,
    plan: `/plans/${entityId}`,
    training_class: `/training/classes/${entityId}`,
    training_request: `/training/requests/${entityId}`,
  };
  return paths[entityType] ?? null;
}
