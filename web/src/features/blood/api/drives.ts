import type {
  BookingView,
  checkInBody,
  createDriveBody,
  DeskView,
  DriveListItem,
  DriveView,
  donationBody,
  FunnelView,
  ScreeningResult,
  screeningBody,
  updateDriveBody,
} from '@contracts/blood/drives.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../app/api-client.ts';

/** The drives' queries and writes; every write refreshes everything under ['blood', 'drives']. */
export const driveKeys = {
  all: ['blood', 'drives'] as const,
  list: (q: object) => [...driveKeys.all, 'list', q] as const,
  one: (id: number) => [...driveKeys.all, id] as const,
  part: (id: number, part: string) => [...driveKeys.all, id, part] as const,
};

export type { BookingView, DeskView, DriveListItem, DriveView, FunnelView };
export type BookingCreated = { booking: BookingView; invitationToken: string };

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: driveKeys.all });
}

export const useDrives = (q: { status?: string; from?: string; to?: string } = {}) =>
  useQuery({ queryKey: driveKeys.list(q), queryFn: () => api.get<DriveListItem[]>('/blood/drives', q) });

export const useDrive = (id: number) =>
  useQuery({ queryKey: driveKeys.one(id), queryFn: () => api.get<DriveView>(`/blood/drives/${id}`) });

export const useDriveBookings = (id: number) =>
  useQuery({
    queryKey: driveKeys.part(id, 'bookings'),
    queryFn: () => api.get<BookingView[]>(`/blood/drives/${id}/bookings`),
  });

/** The live funnel: polled every 10 s while the page is open. */
export const useFunnel = (id: number) =>
  useQuery({
    queryKey: driveKeys.part(id, 'funnel'),
    queryFn: () => api.get<FunnelView>(`/blood/drives/${id}/funnel`),
    refetchInterval: 10_000,
  });

/** The desk's queue: polled every 5 s, so the waiting count stays live between desks. */
export const useDesk = (id: number) =>
  useQuery({
    queryKey: driveKeys.part(id, 'desk'),
    queryFn: () => api.get<DeskView>(`/blood/drives/${id}/desk`),
    refetchInterval: 5_000,
  });

export function useCreateDrive() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.output<typeof createDriveBody>) => api.post<DriveView>('/blood/drives', body),
    onSuccess: refresh,
  });
}

export function useUpdateDrive(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.output<typeof updateDriveBody>) =>
      request<DriveView>('PUT', `/blood/drives/${id}`, { body }),
    onSuccess: refresh,
  });
}

export function useSetSlotCapacity(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { slotId: number; capacity: number }) =>
      request<DriveView>('PUT', `/blood/drives/${id}/slots/${v.slotId}`, { body: { capacity: v.capacity } }),
    onSuccess: refresh,
  });
}

export function useBookDonor(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { personId: number; slotId: number }) =>
      api.post<BookingCreated>(`/blood/drives/${id}/bookings`, body),
    onSuccess: refresh,
  });
}

export function useWaitlistDonor(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { personId: number; nextDrive: boolean }) =>
      api.post(`/blood/drives/${id}/waitlist`, body),
    onSuccess: refresh,
  });
}

export function useBookingAction(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { bookingId: number; action: 'cancel' | 'no-show' }) =>
      api.post<BookingView>(
        v.action === 'cancel'
          ? `/blood/drives/${id}/bookings/${v.bookingId}/cancel`
          : `/blood/drives/${id}/desk/bookings/${v.bookingId}/no-show`,
      ),
    onSuccess: refresh,
  });
}

export function useCheckIn(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof checkInBody>) =>
      api.post<BookingView>(`/blood/drives/${id}/desk/check-in`, body),
    onSuccess: refresh,
  });
}

export function useScreen(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { bookingId: number; body: z.input<typeof screeningBody> }) =>
      api.post<ScreeningResult>(`/blood/drives/${id}/desk/bookings/${v.bookingId}/screening`, v.body),
    onSuccess: refresh,
  });
}

export function useDonation(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { bookingId: number; body: z.input<typeof donationBody> }) =>
      api.post<BookingView>(`/blood/drives/${id}/desk/bookings/${v.bookingId}/donation`, v.body),
    onSuccess: refresh,
  });
}
