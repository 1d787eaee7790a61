/** The cell formats, borders and fills of the plans' workbooks. */

export const intFmt = '#,##0';
export const sumFmt = '#,##0.##';
export const pctFmt = '0.0%';
export const yesNoFmt = '"Có";;"Không"';
export const dateFmt = 'dd/mm/yyyy';
export const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
export const box = { top: thin, left: thin, bottom: thin, right: thin };
export const headFill = {
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: 'FFE8EEF7' },
};
export const sumFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF4F4F4' } };

/** Excel date cell value for an ISO day (UTC midnight: no time-zone shift of the day). */
export const xlsxDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
