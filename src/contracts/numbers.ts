/**
 * Numbers as people type and read them, shared by the web's number field and the server's Excel reader so
 * both accept exactly the same text. Never coerces: text that is not a number, or is out of range, is refused
 * with the reason.
 *
 * How a separator is read (vi: "," is the decimal mark, "." groups thousands; en: the other way round):
 * - both "." and "," in the text: the last one is the decimal mark, the other groups (1.234,5 = 1,234.5);
 * - one kind repeated (1.234.567): it groups;
 * - the language's decimal mark once (vi "1,5"): it is the decimal mark;
 * - the other mark once, not followed by exactly three digits (vi "6.5", "0.75"): it cannot group, so it is
 *   the decimal mark;
 * - the other mark once followed by exactly three digits (vi "1.234"): it groups (one thousand two hundred
 *   thirty-four), unless that reading is out of the field's range and the decimal reading is in it and the
 *   field takes fractions (a score out of 10: "9.125" is 9,125).
 * Groups after the first must have exactly three digits ("1.23.4" is not a number); spaces may group too.
 */

export type NumberLocale = 'vi' | 'en';

export type NumberRules = {
  min?: number | null;
  max?: number | null;
  /** Whole numbers only (counts, people, days). */
  isInteger?: boolean;
};

export type NumberIssue =
  | { code: 'not_a_number' }
  | { code: 'not_integer' }
  | { code: 'too_small'; min: number }
  | { code: 'too_large'; max: number };

export type ParsedNumber = { value: number | null } | { issue: NumberIssue };

const decimalMark = (locale: NumberLocale) => (locale === 'en' ? '.' : ',');

/** The language of the interface as the number locale ('en-GB' → en, anything else → vi). */
export const numberLocale = (language: string | undefined): NumberLocale =>
  language?.startsWith('en') ? 'en' : 'vi';

/** Digits split by group marks: the first group 1–3 digits, each later one exactly 3. */
function readGroups(text: string, marks: RegExp): string | null {
  const groups = text.split(marks);
  if (groups.length === 1) return /^\d+$/.test(text) ? text : null;
  const [first, ...rest] = groups;
  if (!first || !/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/** The possible values of a number's text, the preferred reading first; [] when it is not a number. */
function readings(body: string, locale: NumberLocale): number[] {
  const hasPoint = body.includes('.');
  const hasComma = body.includes(',');
  const read = (intPart: string, groupMark: string, fraction?: string): number | null => {
    const marks = new RegExp(`[${groupMark === '.' ? '.' : ','}\\s\\u00a0\\u202f]`);
    const digits = readGroups(intPart, marks);
    if (digits === null) return null;
    if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
    return Number(fraction === undefined ? digits : `${digits}.${fraction}`);
  };
  const split = (mark: string): [string, string] => {
    const at = body.lastIndexOf(mark);
    return [body.slice(0, at), body.slice(at + 1)];
  };
  const keep = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
  if (hasPoint && hasComma) {
    const dec = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const [intPart, fraction] = split(dec);
    return keep([read(intPart, dec === '.' ? ',' : '.', fraction)]);
  }
  const mark = hasPoint ? '.' : hasComma ? ',' : null;
  if (mark === null) return keep([read(body, '.')]);
  const count = body.split(mark).length - 1;
  if (count > 1) return keep([read(body, mark)]);
  const [intPart, fraction] = split(mark);
  const asDecimal = read(intPart, mark === '.' ? ',' : '.', fraction);
  if (mark === decimalMark(locale) || fraction.length !== 3) return keep([asDecimal]);
  return keep([read(body, mark), asDecimal]);
}

function check(value: number, rules: NumberRules): NumberIssue | null {
  if (rules.isInteger && !Number.isInteger(value)) return { code: 'not_integer' };
  if (rules.min !== null && rules.min !== undefined && value < rules.min)
    return { code: 'too_small', min: rules.min };
  if (rules.max !== null && rules.max !== undefined && value > rules.max)
    return { code: 'too_large', max: rules.max };
  return null;
}

/** Reads typed text as a number: blank is null; anything else is a number within the rules, or why not. */
export function parseNumber(text: string, locale: NumberLocale, rules: NumberRules = {}): ParsedNumber {
  const trimmed = text.trim().replace(/^[−–]/, '-');
  if (trimmed === '') return { value: null };
  const m = /^([+-]?)(\d[\d.,\s\u00a0\u202f]*\d|\d)$/.exec(trimmed);
  if (!m) return { issue: { code: 'not_a_number' } };
  const sign = m[1] === '-' ? -1 : 1;
  const values = readings(m[2]!, locale)
    .map((v) => sign * v)
    .filter(Number.isFinite);
  if (values.length === 0) return { issue: { code: 'not_a_number' } };
  const fits = values.find((v) => check(v, rules) === null);
  if (fits !== undefined) return { value: fits === 0 ? 0 : fits };
  return { issue: check(values[0]!, rules)! };
}

const intlLocale = (locale: NumberLocale) => (locale === 'en' ? 'en-US' : 'vi-VN');

/** A number as the language writes it: vi 1.234,5 — en 1,234.5 (at most `digits` decimals, default 2). */
export function formatNumber(value: number | null | undefined, locale: NumberLocale, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}

/** A percentage given in points (82.4 → vi "82,4%", en "82.4%"), at most one decimal by default. */
export function formatPercent(points: number | null | undefined, locale: NumberLocale, digits = 1): string {
  if (points === null || points === undefined || !Number.isFinite(points)) return '';
  return `${formatNumber(points, locale, digits)}%`;
}
