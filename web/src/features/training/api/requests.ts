import type {
  createRequestBody,
  decideRequestBody,
  requestView,
  scheduleRequestBody,
  updateRequestBody,
  withdrawRequestBody,
} from '@contracts/training.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api-client.ts';
import { type Body, trainingKeys, useRefreshTraining } from './shared.ts';

export type TrainingRequest = z.infer<typeof requestView>;
export type RequestStatus = TrainingRequest['status'];

export const requestKeys = {
  list: (status?: RequestStatus) => [...trainingKeys.all, 'requests', status ?? 'all'] as const,
  detail: (id: number) => [...trainingKeys.all, 'request', id] as const,
};

export function useRequests(status?: RequestStatus, enabled = true) {
  return useQuery({
    queryKey: requestKeys.list(status),
    queryFn: () => api.get<TrainingRequest[]>('/training/requests', { status }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTrainingRequest(id: number | undefined) {
  return useQuery({
    queryKey: requestKeys.detail(id ?? 0),
    queryFn: () => api.get<TrainingRequest>(`/training/requests/${id}`),
    enabled: id !== undefined,
  });
}

type RequestChange =
  | { kind: 'create'; body: Body<typeof createRequestBody> }
  | { kind: 'decide'; id: number; body: Body<typeof decideRequestBody> }
  | { kind: 'schedule'; id: number; body: Body<typeof scheduleRequestBody> }
  | { kind: 'update'; id: number; body: Body<typeof updateRequestBody> }
  | { kind: 'withdraw'; id: number; body: Body<typeof withdrawRequestBody> };

function runRequestChange(change: RequestChange): Promise<TrainingRequest> {
  switch (change.kind) {
    case 'create':
      return api.post<TrainingRequest>('/training/requests', change.body);
    case 'decide':
      return api.post<TrainingRequest>(`/training/requests/${change.id}/decision`, change.body);
    case 'schedule':
      return api.post<TrainingRequest>(`/training/requests/${change.id}/schedule`, change.body);
    case 'update':
      return api.patch<TrainingRequest>(`/training/requests/${change.id}`, change.body);
    case 'withdraw':
      return api.post<TrainingRequest>(`/training/requests/${change.id}/withdraw`, change.body);
  }
}

export function useRequestChange() {
  const queryClient = useQueryClient();
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: runRequestChange,
    onSuccess: (r) => {
      queryClient.setQueryData(requestKeys.detail(r.id), r);
      return refresh();
    },
  });
}
