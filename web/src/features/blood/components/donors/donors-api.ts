import type {
  CreateDonorBody,
  DonorView,
  deferralReasonList,
  donationList,
  donationView,
  donorPage,
  eligibilityView,
  RecordDonationBody,
  UpdateDonorBody,
} from '@contracts/blood/donors.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl, request } from '../../../../app/api-client.ts';

export type Donor = DonorView;
export type DonorPage = z.infer<typeof donorPage>;
export type Donation = z.infer<typeof donationView>;
export type DonationList = z.infer<typeof donationList>;
export type EligibilityView = z.infer<typeof eligibilityView>;
export type Refusal = EligibilityView['refusals'][number];
export type DeferralReason = z.infer<typeof deferralReasonList>['items'][number];
export type DonorSearch = {
  q?: string;
  abo?: string;
  rh?: string;
  rare?: 'true';
  eligibleToday?: 'true' | 'false';
  memberOfOrgId?: number;
  page?: number;
  pageSize?: number;
};

export const donorKeys = {
  all: ['blood-donors'] as const,
  list: (p: DonorSearch) => ['blood-donors', 'list', p] as const,
  detail: (id: number) => ['blood-donors', 'detail', id] as const,
  eligibility: (id: number, kind: string) => ['blood-donors', 'eligibility', id, kind] as const,
  donations: (id: number) => ['blood-donors', 'donations', id] as const,
};

export const useDonors = (params: DonorSearch) =>
  useQuery({
    queryKey: donorKeys.list(params),
    queryFn: () => api.get<DonorPage>('/blood/donors', params),
    placeholderData: keepPreviousData,
  });

export const useDonor = (id: number) =>
  useQuery({ queryKey: donorKeys.detail(id), queryFn: () => api.get<Donor>(`/blood/donors/${id}`) });

export const useDonorEligibility = (id: number, kind = 'whole_blood') =>
  useQuery({
    queryKey: donorKeys.eligibility(id, kind),
    queryFn: () => api.get<EligibilityView>(`/blood/donors/${id}/eligibility`, { kind }),
  });

export const useDonations = (id: number) =>
  useQuery({
    queryKey: donorKeys.donations(id),
    queryFn: () => api.get<DonationList>(`/blood/donors/${id}/donations`),
  });

export const useDeferralReasons = () =>
  useQuery({
    queryKey: ['blood-deferral-reasons'],
    queryFn: () => api.get<{ items: DeferralReason[] }>('/blood/deferral-reasons'),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useSaveDonor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: { id?: undefined; body: CreateDonorBody } | { id: number; body: UpdateDonorBody }) =>
      c.id === undefined
        ? api.post<Donor>('/blood/donors', c.body)
        : request<Donor>('PUT', `/blood/donors/${c.id}`, { body: c.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: donorKeys.all }),
  });
}

export function useRecordDonation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordDonationBody) => api.post<Donation>('/blood/donations', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: donorKeys.all }),
  });
}

/** The certificate's PDF, opened by the browser (the session cookie goes with it). */
export const certificateUrl = (donationId: number) =>
  buildUrl(`/blood/donations/${donationId}/certificate.pdf`);
