import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import i18n from 'i18next';
import type { z } from 'zod';
import { type FieldIssue, serverFieldIssues } from './errors.ts';
import { zodIssueText } from './i18n/field-issues.ts';

function valueAt(values: unknown, path: (string | number)[]): unknown {
  let current = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Paths of the leaves in antd's `changedValues` (nested objects, sparse arrays for Form.List). */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => (item === undefined ? [] : leafPaths(item, [...prefix, i])));
  }
  if (value !== null && typeof value === 'object' && !dayjs.isDayjs(value)) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix];
}

/** Form `onValuesChange`: a field's error goes away as soon as the person edits it. */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: unknown) => {
    const paths = leafPaths(changed);
    // A list field (e.g. contacts, grants) also carries its own error.
    const roots = paths.filter((p) => p.length > 1).map((p) => [p[0] as string | number]);
    form.setFields([...paths, ...roots].map((name) => ({ name, errors: [] })));
  };
}

function clearErrors(form: FormInstance): void {
  form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })));
}

/** Puts issues on the form's fields; returns the issues no field could show. */
export function showFieldIssues(form: FormInstance, issues: FieldIssue[]): FieldIssue[] {
  clearErrors(form);
  const known = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const orphans: FieldIssue[] = [];
  for (const issue of issues) {
    const key = JSON.stringify(issue.path);
    if (!known.has(key)) {
      orphans.push(issue);
      continue;
    }
    const entry = byField.get(key) ?? { name: issue.path, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return orphans;
}

/**
 * Validates form values with the very schema the API route uses. On failure the messages go on the
 * fields and null is returned; issues without a field come back through `onOrphans`.
 */
export function parseWith<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
  onOrphans?: (issues: FieldIssue[]) => void,
): z.output<S> | null {
  const result = schema.safeParse(values);
  if (result.success) {
    clearErrors(form);
    return result.data;
  }
  const issues = result.error.issues.flatMap((i) => {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    const value = valueAt(values, path);
    // A NumberField refusing its text (NaN) already says why under the field.
    if (typeof value === 'number' && Number.isNaN(value)) return [];
    const isMissing = i.code === 'invalid_type' && isBlank(value);
    return [{ path, message: isMissing ? i18n.t('validation.required') : zodIssueText(i) }];
  });
  const orphans = showFieldIssues(form, issues);
  if (orphans.length > 0) onOrphans?.(orphans);
  return null;
}

/** Shows a server validation_failed on the fields; returns false when the error was something else. */
export function showServerIssues(form: FormInstance, error: unknown): boolean {
  const issues = serverFieldIssues(error);
  if (issues.length === 0) return false;
  const orphans = showFieldIssues(form, issues);
  return orphans.length < issues.length;
}
