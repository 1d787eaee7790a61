import type { auditPage } from '@contracts/audit.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client.ts';

export type AuditPage = z.infer<typeof auditPage>;
export type AuditFilters = {
  userId?: number;
  entityType?: string;
  orgId?: number;
  from?: string;
  to?: string;
};

export const entityTypes = [
  'organisation',
  'user',
  'role_grant',
  'session',
  'api_token',
  'admin_unit',
] as const;

export function useAudit(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api.get<AuditPage>('/audit', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
