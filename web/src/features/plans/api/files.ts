import type { AttachmentView } from '@contracts/plan-files.ts';
import { useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../../app/api-client.ts';
import { planKeys } from './plans.ts';

export const attachmentKeys = {
  list: (id: number) => [...planKeys.all, 'attachments', id] as const,
};

export function useAttachments(planId: number) {
  return useQuery({
    queryKey: attachmentKeys.list(planId),
    queryFn: () => api.get<AttachmentView[]>(`/plans/${planId}/attachments`),
  });
}

/** An attachment's link: the browser downloads it with the session cookie. */
export const attachmentFiles = {
  file: (id: number, attachmentId: number) => buildUrl(`/plans/${id}/attachments/${attachmentId}`),
};
