import type {
  CertificateView,
  certificatePage,
  IssueCertificatesResult,
  reissueResult,
} from '@contracts/certificates.ts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl, fetchStream } from '../../../app/api-client.ts';
import { trainingKeys, useRefreshTraining } from './shared.ts';

export type Certificate = CertificateView;
export type CertificatePage = z.infer<typeof certificatePage>;
export type CertificateQuery = {
  q?: string;
  classId?: number;
  orgId?: number;
  personId?: number;
  status?: Certificate['status'];
  page?: number;
  pageSize?: number;
};

export const certificateKeys = {
  list: (q: CertificateQuery) => [...trainingKeys.all, 'certificates', q] as const,
};

export function useCertificates(q: CertificateQuery, enabled = true) {
  return useQuery({
    queryKey: certificateKeys.list(q),
    queryFn: () => api.get<CertificatePage>('/training/certificates', q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useIssueCertificates(classId: number) {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: () => api.post<IssueCertificatesResult>(`/training/classes/${classId}/certificates`),
    onSuccess: refresh,
  });
}

export function useCertificateChange() {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: number; action: 'revoke' | 'reissue'; reason: string }) =>
      action === 'revoke'
        ? api.post<Certificate>(`/training/certificates/${id}/revoke`, { reason })
        : api
            .post<z.infer<typeof reissueResult>>(`/training/certificates/${id}/reissue`, { reason })
            .then((r) => r.certificate),
    onSuccess: refresh,
  });
}

/**
 * The class's certificates in one PDF, read as it streams: the server sends `x-certificate-count` and draws
 * one page per certificate, so counting the page objects that have arrived gives the progress.
 */
export async function downloadClassCertificates(
  classId: number,
  onProgress: (done: number, total: number) => void,
) {
  const decoder = new TextDecoder('latin1');
  let tail = '';
  let pages = 0;
  const result = await fetchStream(`/training/classes/${classId}/certificates.pdf`, (chunk, headers) => {
    const total = Number(headers.get('x-certificate-count') ?? 0);
    const text = tail + decoder.decode(chunk, { stream: true });
    pages += (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
    // A page marker split across two chunks is counted once, in the next chunk.
    tail = text.slice(-16).replace(/^[\s\S]*\/Type \/Page\b(?!s)/, '');
    onProgress(Math.min(pages, total), total);
  });
  return result;
}

/** Files the server builds: plain links, downloaded with the session cookie. */
export const certificateFiles = {
  pdf: (id: number) => buildUrl(`/training/certificates/${id}.pdf`),
  classPdf: (classId: number) => buildUrl(`/training/classes/${classId}/certificates.pdf`),
};
