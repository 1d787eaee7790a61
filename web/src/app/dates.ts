import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

// Parsing a typed date by format (the pickers' own parser loads it too).
dayjs.extend(customParseFormat);

/** The wire carries ISO dates (YYYY-MM-DD); people read dd/mm/yyyy. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format(DATE_FORMAT) : '';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format(DATE_TIME_FORMAT) : '';
}

export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function fromIsoDate(iso: string | null | undefined): Dayjs | undefined {
  return iso ? dayjs(iso) : undefined;
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/**
 * What a date picker understands when typed: dd/mm/yyyy first (the one it shows), then the short ways people type
 * a date — 1/1/27, 1-1-2027, 1.1.27, 01012027, 010127 — and ISO. A two-digit year is 20xx up to 68, 19xx from 69
 * (dayjs's rule: 1/1/27 is 2027, a birth date 1/1/85 is 1985).
 */
export const DATE_INPUT_FORMATS: string[] = [
  DATE_FORMAT,
  ...['/', '-', '.'].flatMap((sep) =>
    ['D', 'DD'].flatMap((d) => ['M', 'MM'].flatMap((m) => ['YYYY', 'YY'].map((y) => [d, m, y].join(sep)))),
  ),
  'DDMMYYYY',
  'DDMMYY',
  'YYYY-MM-DD',
].filter((f, i, all) => all.indexOf(f) === i);

/**
 * The formats handed to a date picker, which commits a date as soon as the text matches one — while the person is
 * still typing. A two-digit year matches the start of a four-digit one ("27/03/20" of "27/03/2027"), and the picker
 * would rewrite the text to 27/03/2020 under their fingers: those are read by DateInput on Enter or on leaving the
 * field instead (parseTypedDate), never mid-typing.
 */
export const DATE_PICKER_FORMATS: string[] = DATE_INPUT_FORMATS.filter(
  (f) => !f.includes('Y') || f.includes('YYYY'),
);

/** A typed date as the pickers read it (strictly, one of DATE_INPUT_FORMATS), or null when it is not a date. */
export function parseTypedDate(text: string): Dayjs | null {
  const trimmed = text.trim();
  for (const format of DATE_INPUT_FORMATS) {
    const d = dayjs(trimmed, format, true);
    if (d.isValid()) return d;
  }
  return null;
}

/** A typed date the picker does not take itself (a two-digit year: 1/1/27, 010127), or null. */
export function parseShortTypedDate(text: string): Dayjs | null {
  const trimmed = text.trim();
  if (DATE_PICKER_FORMATS.some((f) => dayjs(trimmed, f, true).isValid())) return null;
  return parseTypedDate(trimmed);
}
