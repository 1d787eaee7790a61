import i18n from 'i18next';
import { z } from 'zod';

type Params = Record<string, unknown>;

/** A contract field-issue code (`plans.indicator_code_duplicate`) we have a text for (`fieldIssues.<code>`). */
function knownCode(code: string | undefined): boolean {
  return !!code && /^[a-z_]+(\.[a-z_]+)+$/.test(code) && i18n.exists(`fieldIssues.${code}`);
}

/**
 * Issues some services still raise in Vietnamese prose, without a code (auth: current password; training:
 * scores, roster file). Goes away once they send codes.
 */
const proseEnglish: Record<string, string> = {
  'Mật khẩu hiện tại không đúng': 'The current password is wrong',
  'Nhập điểm lý thuyết': 'Enter the theory score',
  'Nhập điểm thực hành': 'Enter the practice score',
  'Chưa chọn tệp danh sách': 'Choose a roster file',
};

/** Field-issue keys are checked by test/error-vocabulary.test.ts (every contract code has a vi and an en text). */
const tr = (key: string, params?: object) =>
  (i18n.t as unknown as (k: string, p?: object) => string)(key, params);

/**
 * An issue of the web's own zod parse (the contract's schema): its message is a contract code when the schema
 * names one, else zod's own text, already in the UI language (the zod locale follows it, ./index.ts).
 */
export function zodIssueText(issue: { message: string } | undefined): string {
  if (!issue) return '';
  const params = (issue as { params?: Params }).params;
  return knownCode(issue.message) ? tr(`fieldIssues.${issue.message}`, params) : issue.message;
}

/**
 * An issue of a server validation_failed: a contract code → `fieldIssues.<code>` with its params; zod's own
 * (`zod.too_small`) → zod's text in the UI language from its parameters; prose as sent (English when known).
 */
export function serverIssueText(issue: { code?: string; message: string; params?: Params }): string {
  if (knownCode(issue.code)) return tr(`fieldIssues.${issue.code}`, issue.params);
  if (i18n.language !== 'en') return issue.message;
  if (issue.code?.startsWith('zod.')) {
    const raw = { ...issue.params, code: issue.code.slice(4), path: [], input: undefined };
    const local = z.config().localeError?.(raw as never);
    const text = typeof local === 'string' ? local : local?.message;
    if (text) return text;
  }
  return proseEnglish[issue.message] ?? issue.message;
}
