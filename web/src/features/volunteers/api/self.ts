import type { accountCreated, MyVolunteering, myAvailabilityBody } from '@contracts/volunteers/self.ts';
import type {
  ApplicationView,
  publicSignupView,
  signupBody,
  signupLinkBody,
  signupLinkCreated,
  signupLinkView,
} from '@contracts/volunteers/self-signup.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../app/api-client.ts';

export type { ApplicationView, MyVolunteering };
export type SignupLink = z.infer<typeof signupLinkView>;
export type SignupLinkCreated = z.infer<typeof signupLinkCreated>;
export type PublicSignup = z.infer<typeof publicSignupView>;
export type AccountCreated = z.infer<typeof accountCreated>;
export type ApplicationStatus = ApplicationView['status'];

export const selfKeys = {
  mine: ['volunteers', 'self', 'mine'] as const,
  links: ['volunteers', 'self', 'links'] as const,
  applications: (q: { status?: ApplicationStatus }) => ['volunteers', 'self', 'applications', q] as const,
  publicLink: (token: string) => ['volunteers', 'self', 'public', token] as const,
};

/** The signed-in person's own volunteering (empty, `linked: false`, for an account without a person). */
export function useMyVolunteering() {
  return useQuery({ queryKey: selfKeys.mine, queryFn: () => api.get<MyVolunteering>('/me/volunteering') });
}

export function useSetMyAvailability() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof myAvailabilityBody>) =>
      request<MyVolunteering>('PUT', '/me/volunteering/availability', { body }),
    onSuccess: (data) => qc.setQueryData(selfKeys.mine, data),
  });
}

export function useConfirmAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<MyVolunteering>(`/me/volunteering/assignments/${id}/confirm`),
    onSuccess: (data) => qc.setQueryData(selfKeys.mine, data),
  });
}

export function useCreateVolunteerAccount(profileId: number) {
  return useMutation({
    mutationFn: (body: { username?: string }) =>
      api.post<AccountCreated>(`/volunteers/${profileId}/account`, body),
  });
}

export function useSignupLinks() {
  return useQuery({
    queryKey: selfKeys.links,
    queryFn: () => api.get<SignupLink[]>('/volunteers/signup-links'),
  });
}

export function useCreateSignupLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof signupLinkBody>) =>
      api.post<SignupLinkCreated>('/volunteers/signup-links', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: selfKeys.links }),
  });
}

export function useDeactivateSignupLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ ok: true }>(`/volunteers/signup-links/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: selfKeys.links }),
  });
}

export function useApplications(q: { status?: ApplicationStatus }) {
  return useQuery({
    queryKey: selfKeys.applications(q),
    queryFn: () => api.get<ApplicationView[]>('/volunteers/applications', q),
  });
}

function useDecision<B>(path: (id: number) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: B }) => api.post<ApplicationView>(path(id), body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['volunteers', 'self', 'applications'] });
      qc.invalidateQueries({ queryKey: selfKeys.links });
      qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export const useApproveApplication = () =>
  useDecision<{ personId?: number }>((id) => `/volunteers/applications/${id}/approve`);
export const useRejectApplication = () =>
  useDecision<{ reason: string }>((id) => `/volunteers/applications/${id}/reject`);

export function usePublicSignup(token: string) {
  return useQuery({
    queryKey: selfKeys.publicLink(token),
    queryFn: () => api.get<PublicSignup>(`/public/volunteer-signup/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useSubmitSignup(token: string) {
  return useMutation({
    mutationFn: (body: z.input<typeof signupBody>) =>
      api.post<{ ok: true; institutionName: string }>(
        `/public/volunteer-signup/${encodeURIComponent(token)}`,
        body,
      ),
  });
}
