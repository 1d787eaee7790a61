import type { adminUnitPage, ImportResult, provinceView } from '@contracts/admin-units.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, upload } from '../../app/api-client.ts';

export type AdminUnitPage = z.infer<typeof adminUnitPage>;
export type ProvinceView = z.infer<typeof provinceView>;
export type AdminUnitSearch = {
  level?: 'province' | 'commune';
  provinceCode?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};

export const adminUnitKeys = {
  all: ['admin-units'] as const,
  provinces: () => ['admin-units', 'provinces'] as const,
  list: (params: AdminUnitSearch) => ['admin-units', 'list', params] as const,
};

export function useProvinces() {
  return useQuery({
    queryKey: adminUnitKeys.provinces(),
    queryFn: () => api.get<ProvinceView[]>('/admin-units/provinces'),
    staleTime: 10 * 60_000,
  });
}

export function useAdminUnits(params: AdminUnitSearch) {
  return useQuery({
    queryKey: adminUnitKeys.list(params),
    queryFn: () => api.get<AdminUnitPage>('/admin-units', params),
    placeholderData: keepPreviousData,
  });
}

export function useImportAdminUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: Blob; onProgress: (percent: number) => void }) =>
      upload<ImportResult>('/admin-units/import', file, onProgress),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminUnitKeys.all }),
  });
}
