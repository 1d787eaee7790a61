import type { createTrainerBody, trainerView } from '@contracts/training.ts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api-client.ts';
import { type Body, trainingKeys, useRefreshTraining } from './shared.ts';

export type Trainer = z.infer<typeof trainerView>;

export const trainerKeys = {
  list: (orgId?: number) => [...trainingKeys.all, 'trainers', orgId ?? 0] as const,
};

export function useTrainers(orgId?: number, enabled = true) {
  return useQuery({
    queryKey: trainerKeys.list(orgId),
    queryFn: () => api.get<Trainer[]>('/training/trainers', { orgId }),
    enabled,
  });
}

export function useCreateTrainer() {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: (body: Body<typeof createTrainerBody>) => api.post<Trainer>('/training/trainers', body),
    onSuccess: refresh,
  });
}
