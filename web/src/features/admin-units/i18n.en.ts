import type { viAdminUnits } from './i18n.vi.ts';

export const enAdminUnits: typeof viAdminUnits = {
  provinces: 'Provinces ({{count}})',
  communes: 'Communes, wards, special zones ({{count}})',
  code: 'Code',
  name: 'Name',
  kind: 'Kind',
  kinds: { tinh: 'Province', thanh_pho: 'City', xa: 'Commune', phuong: 'Ward', dac_khu: 'Special zone' },
  province: 'Province',
  communeCount: 'Communes',
  searchPlaceholder: 'Search communes (accents optional)',
  emptyProvinces: 'No provinces yet. Import the official list (CSV/XLSX).',
  emptyCommunes: 'No communes yet. Import the official list (CSV/XLSX).',
  emptySearch: 'Nothing matches. Remove a filter or try another search.',
  pickPlaceholder: 'Type a province or commune name',
  pickEmpty: 'No administrative unit found',
  import: {
    title: 'Import the official list',
    hint: 'Upload the list of administrative units published by the statistics office. Existing units are updated, never duplicated.',
    columnsLabel: 'Columns',
    drop: 'Click or drag a file here to upload',
    formats: 'A .csv or .xlsx file',
    summary: 'Total {{total}}, added {{inserted}}, updated {{updated}}, unchanged {{unchanged}}',
    line: 'Line',
    field: 'Column',
    message: 'Error',
  },
};
