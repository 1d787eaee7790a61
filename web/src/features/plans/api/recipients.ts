import type { RecipientsPage, recipientsQuery } from '@contracts/plans.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api-client.ts';
import { planKeys } from './plans.ts';

export type Recipient = RecipientsPage['items'][number];
export type RecipientsFilter = Partial<z.output<typeof recipientsQuery>>;

export const recipientKeys = {
  page: (id: number, filter: RecipientsFilter) => [...planKeys.all, 'recipients', id, filter] as const,
};

/** A page of a plan's recipients (by role, name, or those the caller may act for). */
export function useRecipients(id: number, filter: RecipientsFilter, enabled = true) {
  return useQuery({
    queryKey: recipientKeys.page(id, filter),
    queryFn: () => api.get<RecipientsPage>(`/plans/${id}/recipients`, filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}
