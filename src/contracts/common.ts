import { z } from 'zod';

/** What a contract's field issues list: each code with its Vietnamese text (`{{param}}` placeholders). */
export type FieldIssueCatalogue = { namespace: string; texts: Record<string, string> };

/**
 * A contract's field issues: `defineFieldIssues('plans', { code_chars: 'Mã chỉ gồm …' })` gives
 * `planIssues.code_chars === 'plans.code_chars'`, the string a schema uses as its zod message
 * (`.regex(re, planIssues.code_chars)`, `ctx.addIssue({ message: planIssues.code_duplicate, params: { code } })`).
 * The API answers the code, its parameters and the Vietnamese text; the web shows `fieldIssues.<code>`.
 * `catalogue` lists them (src/contracts/issues.ts gathers every catalogue, for the handler and the tests).
 */
export function defineFieldIssues<const N extends string, const D extends Record<string, string>>(
  namespace: N,
  texts: D,
): { readonly [K in keyof D & string]: `${N}.${K}` } & { readonly catalogue: FieldIssueCatalogue } {
  const out: Record<string, unknown> = { catalogue: { namespace, texts } };
  for (const key of Object.keys(texts)) out[key] = `${namespace}.${key}`;
  return out as { readonly [K in keyof D & string]: `${N}.${K}` } & {
    readonly catalogue: FieldIssueCatalogue;
  };
}

/** Fills a text's `{{param}}` placeholders (the same syntax as the web's i18next). */
export function fillIssueText(text: string, params?: Record<string, unknown>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, name: string) =>
    params && params[name] !== undefined ? String(params[name]) : all,
  );
}

/** Field issues shared by several contracts. */
export const commonIssues = defineFieldIssues('common', {
  date_format: 'Ngày phải có dạng YYYY-MM-DD',
  date_invalid: 'Ngày không tồn tại',
  end_before_start: 'Ngày kết thúc trước ngày bắt đầu',
  full_name_required: 'Nhập họ tên',
  email_invalid: 'Email không hợp lệ',
  phone_invalid: 'Số điện thoại không hợp lệ',
  code_chars: 'Mã chỉ gồm chữ không dấu, số, _ . -',
  period_key_invalid: 'Kỳ báo cáo không hợp lệ',
  id_invalid: 'Mã số phải là số nguyên dương, chỉ gồm chữ số',
  int_invalid: 'Phải là số nguyên, chỉ gồm chữ số',
  date_range: 'Ngày phải trong khoảng {{min}} – {{max}}',
  text_nul: 'Văn bản chứa ký tự NUL (mã 0), không được phép',
  province_not_current: 'Chọn một trong 34 tỉnh, thành phố hiện hành',
  /** An id outside the caller's scope, or of nothing: the same words, so nothing is said about the object. */
  id_not_found: 'Không tìm thấy hoặc bạn không có quyền truy cập',
});

/**
 * The largest value of PostgreSQL's `integer` (int4): every id (serial), version and count column. A number
 * past it would reach the database and fail there (a 500), so every integer a contract reads is bounded here.
 */
export const INT4_MAX = 2_147_483_647;

/** A whole number that fits the int4 column it lands in: zod's own `too_small`/`too_big` name the field. */
export const int4 = (min = 0, max = INT4_MAX) => z.number().int().min(min).max(max);

/** A row id (or version) in a JSON body: 1..2147483647. */
export const id = int4(1);

/**
 * A whole number read from text (a path segment or a query parameter): only canonical decimal digits — `" 1"`,
 * `0x10`, `1e3`, `01` are refused, not read as 1, 16, 1000 — and within `min..max` (zod's `too_big` past it). The one rule for
 * every id in a path or a query: not canonical (`common.id_invalid`) or past int4 is a 400 naming the parameter,
 * never a 404 and never a database error.
 */
export const intText = (min = 0, max = INT4_MAX, message: string = commonIssues.int_invalid) =>
  z
    .string()
    .regex(min >= 1 ? /^[1-9][0-9]{0,9}$/ : /^(0|[1-9][0-9]{0,9})$/, message)
    .transform(Number)
    .pipe(int4(min, max));

/** An id in a path or a query (`/api/orgs/12`, `?orgId=12`). */
export const idText = intText(1, INT4_MAX, commonIssues.id_invalid);

/** ISO calendar date as the API carries it; the UI shows dd/mm/yyyy. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, commonIssues.date_format)
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: commonIssues.date_invalid,
    },
  );

/**
 * Dates a person means, per kind of field, so PostgreSQL never sees year 0 and a typo (20226) is named.
 * Event, plan, deadline dates and date filters: 2000-01-01..2100-12-31; a birth date and an organisation's
 * founding date: from 1900-01-01. Refused as `common.date_range` with `{ min, max }`.
 */
export const DATE_MIN = '2000-01-01';
export const DATE_MAX = '2100-12-31';
const isoDateRe = /^\d{4}-\d{2}-\d{2}$/;

export const dateBetween = (min: string, max: () => string) =>
  isoDate.superRefine((s, ctx) => {
    const upper = max();
    if (isoDateRe.test(s) && (s < min || s > upper))
      ctx.addIssue({
        code: 'custom',
        message: commonIssues.date_range,
        params: { min, max: upper },
        input: s,
      });
  });

/** A plan, activity, deadline or organisation event date; also a date filter. */
export const eventDate = dateBetween(DATE_MIN, () => DATE_MAX);
/** A date filter (`?from=`, `?asOf=`): the same bounds as the dates it filters. */
export const filterDate = eventDate;
/** A date in an organisation's history (founded 1946): from 1900. */
export const historicDate = dateBetween('1900-01-01', () => DATE_MAX);
/**
 * A birth date: from 1900-01-01. "Not after today" is the people rules' check (people.rules.ts), against the
 * injected clock, not the machine's: a contract never reads the time.
 */
export const birthDate = dateBetween('1900-01-01', () => DATE_MAX);

export const idParam = z.object({ id: idText });

export const pageQuery = z.object({
  page: intText(1).default(1),
  pageSize: intText(1, 200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export const okBody = z.object({ ok: z.literal(true) });

/** Optional text from a form: blank means "not given". */
export const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullish();
