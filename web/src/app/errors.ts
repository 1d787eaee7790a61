import i18n from 'i18next';
import { isApiError } from './api-client.ts';
import { formatDateTime } from './dates.ts';
import { serverIssueText } from './i18n/field-issues.ts';
import { isTranslationKey } from './i18n/keys.ts';

/** A message for any thrown error: `errors.<code>` when we have it, otherwise the server's own message. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    const lockedUntil = (error.details as { lockedUntil?: string } | null)?.lockedUntil;
    if (error.code === 'auth.locked' && lockedUntil) {
      return i18n.t('errors.auth.lockedUntil', { time: formatDateTime(lockedUntil) });
    }
    const key = `errors.${error.code}`;
    // Details of a conflict (e.g. `{ have: 1, need: 2 }`) fill the translation's {{placeholders}}.
    const values = error.details !== null && typeof error.details === 'object' ? error.details : {};
    if (isTranslationKey(key)) return i18n.t(key, values as Record<string, unknown>);
    return error.message || i18n.t('errors.unknown');
  }
  return i18n.t('errors.unknown');
}

export type FieldIssue = { path: (string | number)[]; message: string };

/** A field issue as the API sends it (see FieldIssue in src/platform/errors.ts). */
type ApiFieldIssue = { path: string; message: string; code?: string; params?: Record<string, unknown> };

/**
 * `details.issues` of a 400 validation_failed, with `body.` stripped so paths match form fields, each in the UI
 * language (by its code and params).
 */
export function serverFieldIssues(error: unknown): FieldIssue[] {
  if (!isApiError(error) || error.code !== 'validation_failed') return [];
  const issues = (error.details as { issues?: ApiFieldIssue[] } | null)?.issues ?? [];
  return issues.map((issue) => ({
    path: issue.path
      .replace(/^(body|query|params)\.?/, '')
      .split('.')
      .filter((p) => p !== '')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    message: serverIssueText(issue),
  }));
}
