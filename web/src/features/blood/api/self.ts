import type { OpenDrive, SelfView } from '@contracts/blood/self.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../app/api-client.ts';
import type { BookingCreated } from './drives.ts';

/** The donor's own page: their history and bookings, open drives, and their writes. */
export const selfKeys = { all: ['blood', 'me'] as const };

export type { OpenDrive, SelfView };

export const useMyBlood = () =>
  useQuery({ queryKey: [...selfKeys.all, 'page'], queryFn: () => api.get<SelfView>('/me/blood') });

export const useOpenDrives = () =>
  useQuery({
    queryKey: [...selfKeys.all, 'drives'],
    queryFn: () => api.get<OpenDrive[]>('/me/blood/drives'),
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: selfKeys.all });
}

/**
 * A write that answers the donor's page as it stands after it: the page shows that answer at once (a refetch
 * still in flight from an earlier write cannot bring back what this one changed), and the open drives are reread.
 */
function useSetPage() {
  const qc = useQueryClient();
  return async (page: SelfView) => {
    await qc.cancelQueries({ queryKey: [...selfKeys.all, 'page'] });
    qc.setQueryData([...selfKeys.all, 'page'], page);
    await qc.invalidateQueries({ queryKey: [...selfKeys.all, 'drives'] });
  };
}

export function useBookMe() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { driveId: number; slotId: number }) =>
      api.post<BookingCreated>('/me/blood/bookings', body),
    onSuccess: refresh,
  });
}

export function useMyBookingAction() {
  const setPage = useSetPage();
  return useMutation({
    mutationFn: (v: { id: number; action: 'cancel' } | { id: number; action: 'move'; slotId: number }) =>
      api.post<SelfView>(
        `/me/blood/bookings/${v.id}/${v.action}`,
        v.action === 'move' ? { slotId: v.slotId } : {},
      ),
    onSuccess: setPage,
  });
}

export function useQuestionnaire() {
  const setPage = useSetPage();
  return useMutation({
    mutationFn: (v: { id: number; answers: Record<string, boolean> }) =>
      request<SelfView>('PUT', `/me/blood/bookings/${v.id}/questionnaire`, { body: { answers: v.answers } }),
    onSuccess: setPage,
  });
}

export function useJoinWaitlist() {
  const setPage = useSetPage();
  return useMutation({
    mutationFn: (v: { driveId: number; nextDrive: boolean }) =>
      api.post<SelfView>(`/me/blood/drives/${v.driveId}/waitlist`, { nextDrive: v.nextDrive }),
    onSuccess: setPage,
  });
}
