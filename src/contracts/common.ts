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
});

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

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
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
