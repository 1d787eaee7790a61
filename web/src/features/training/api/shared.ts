import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';

/** The root of every training query key: each sub-feature's keys start with it. */
export const trainingKeys = {
  all: ['training'] as const,
};

export type Body<S extends z.ZodType> = z.output<S>;

/**
 * Refreshes everything training after a write (lists, details): a class's change shows in its request, a
 * certificate in the compliance figures. Cheap and never stale.
 */
export function useRefreshTraining() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trainingKeys.all });
}
