import type { RosterIssue } from '../../../contracts/people.ts';
import { type AppError, errors, isAppError } from '../../../platform/errors.ts';
import { checkPerson, foldName, type PersonWrite } from '../../people/index.ts';
import { defaultLabels, type ParsedRoster, type RosterField } from './roster.parse.ts';

/** Pure rules of the roster import: field checks row by row, in-file duplicates, and how errors name rows. */

export type Checked = {
  row: number;
  value: Omit<PersonWrite, 'orgId' | 'orgPath' | 'employerOrgId'>;
  errors: RosterIssue[];
  warnings: string[];
  match: 'new' | 'existing' | 'enrolled' | null;
  personId: number | null;
  /** A person the caller does not see yet whom this row matches: the commit links the keeper to them. */
  linkTo?: number;
};

export const issue = (
  parsed: ParsedRoster,
  row: number,
  field: RosterField,
  message: string,
): RosterIssue => ({
  row,
  column: parsed.columns[field] ?? defaultLabels[field],
  field,
  message,
  path: `file.row ${row}.${field}`,
});

/** The second row of the same person in the file (same CCCD, or same name + birth date + phone) is an error. */
export function markInFileDuplicates(parsed: ParsedRoster, out: Checked[]) {
  const seen = new Map<string, number>();
  for (const r of out) {
    const v = r.value;
    const key = v.cccd
      ? `c:${v.cccd}`
      : v.fullName
        ? `n:${foldName(v.fullName)}|${v.birthDate}|${v.phone}`
        : null;
    if (!key) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r.row);
    else
      r.errors.push(
        issue(parsed, r.row, v.cccd ? 'cccd' : 'fullName', `Trùng với dòng ${first} trong tệp (cùng người)`),
      );
  }
}

/** Field rules and in-file duplicates, row by row in memory. */
export function checkRows(parsed: ParsedRoster, today: string): Checked[] {
  const out: Checked[] = parsed.rows.map((r) => {
    const { value, issues } = checkPerson(r, today);
    const errs = [...r.issues, ...issues].map((i) => issue(parsed, r.row, i.field, i.message));
    if (!r.birthDate && !r.issues.some((i) => i.field === 'birthDate'))
      errs.push(issue(parsed, r.row, 'birthDate', 'Thiếu ngày sinh'));
    return {
      row: r.row,
      value: { ...value, fullName: value.fullName ?? '', jobTitle: r.jobTitle },
      errors: errs,
      warnings: [],
      match: null,
      personId: null,
    };
  });
  markInFileDuplicates(parsed, out);
  return out;
}

export function fileError(parsed: ParsedRoster): AppError | null {
  if (parsed.fileIssues.length === 0) return null;
  const issues = parsed.fileIssues.map((i) => ({
    row: i.row,
    column: '',
    field: 'file',
    message: i.message,
    path: 'body.file',
  }));
  return errors.badRequest('roster.invalid_file', issues.map((i) => i.message).join('; '), { issues });
}

export const rosterInvalid = (issues: RosterIssue[]) =>
  errors.badRequest(
    'roster.invalid',
    `Danh sách có ${issues.length} lỗi: sửa các dòng được báo rồi tải lên lại. Chưa có gì được lưu.`,
    { issues },
  );

/** enrolPeople names people by `body.personIds.N`: point those issues at the file's rows instead. */
export function rowsOfEnrolError(e: unknown, checked: Checked[], parsed: ParsedRoster): unknown {
  if (!isAppError(e) || e.code !== 'validation_failed') return e;
  const list = (e.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  const issues = list.map((i) => {
    const n = /personIds\.(\d+)/.exec(i.path);
    const r = n ? checked[Number(n[1])] : undefined;
    return r
      ? issue(parsed, r.row, 'fullName', i.message)
      : { row: 0, column: '', field: 'file', message: i.message, path: 'body.file' };
  });
  return rosterInvalid(issues);
}
