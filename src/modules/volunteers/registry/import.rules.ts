import { fieldIssueTexts } from '../../../contracts/issues.ts';
import type { RosterIssue } from '../../../contracts/people.ts';
import { volunteerIssues } from '../../../contracts/volunteers/common.ts';
import { foldKey } from '../../../platform/text.ts';
import { checkPerson, foldName, type PersonWrite } from '../../people/index.ts';
import { type ParsedVolunteers, type VolunteerField, volunteerLabels } from './import.parse.ts';
import { isAdult } from './registry.rules.ts';

/** Pure rules of the volunteer import: field checks row by row, age, provinces, in-file duplicates. */

export type CheckedRow = {
  row: number;
  person: Omit<PersonWrite, 'orgId' | 'orgPath' | 'employerOrgId' | 'jobTitle'>;
  parsed: ParsedVolunteers['rows'][number];
  homeProvinceCode: string | null;
  errors: RosterIssue[];
  warnings: string[];
  match: 'new' | 'existing' | 'registered' | null;
  personId: number | null;
  linkTo?: number;
};

export const issue = (
  parsed: ParsedVolunteers,
  row: number,
  field: VolunteerField,
  message: string,
): RosterIssue => ({
  row,
  column: parsed.columns[field] ?? volunteerLabels[field],
  field,
  message,
  path: `file.row ${row}.${field}`,
});

/** Province name → code: "Hải Phòng", "TP. Hải Phòng", "Thành phố Hải Phòng", "Tỉnh Bắc Ninh" or the code. */
export function provinceIndex(list: { code: string; name: string }[]) {
  const bare = (s: string) => foldKey(s).replace(/^(thanh_pho|tinh|tp)_/, '');
  const map = new Map<string, string>();
  for (const p of list) {
    map.set(bare(p.name), p.code);
    map.set(p.code, p.code);
  }
  return (name: string) => map.get(bare(name)) ?? null;
}

export function checkRows(
  parsed: ParsedVolunteers,
  today: string,
  province: (name: string) => string | null,
) {
  const seen = new Map<string, number>();
  return parsed.rows.map((r): CheckedRow => {
    const { value, issues } = checkPerson(r, today);
    const errs = [...r.issues, ...issues].map((i) =>
      issue(parsed, r.row, i.field as VolunteerField, i.message),
    );
    const has = (f: string) => errs.some((e) => e.field === f);
    if (!r.birthDate && !has('birthDate')) errs.push(issue(parsed, r.row, 'birthDate', 'Thiếu ngày sinh'));
    else if (value.birthDate && !has('birthDate') && !isAdult(value.birthDate, today))
      errs.push(
        issue(
          parsed,
          r.row,
          'birthDate',
          fieldIssueTexts.get(volunteerIssues.under_age) ?? 'Tình nguyện viên phải từ đủ 18 tuổi',
        ),
      );
    if (!r.group && !has('group')) errs.push(issue(parsed, r.row, 'group', 'Thiếu đối tượng'));
    const homeProvinceCode = r.homeProvince ? province(r.homeProvince) : null;
    if (r.homeProvince && !homeProvinceCode)
      errs.push(
        issue(
          parsed,
          r.row,
          'homeProvince',
          `Không có tỉnh, thành phố “${r.homeProvince}” (34 tỉnh từ 1/7/2025)`,
        ),
      );
    const key = value.cccd
      ? `c:${value.cccd}`
      : value.fullName
        ? `n:${foldName(value.fullName)}|${value.birthDate}|${value.phone}`
        : null;
    if (key) {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, r.row);
      else
        errs.push(
          issue(
            parsed,
            r.row,
            value.cccd ? 'cccd' : 'fullName',
            `Trùng với dòng ${first} trong tệp (cùng người)`,
          ),
        );
    }
    return {
      row: r.row,
      person: { ...value, fullName: value.fullName ?? '' },
      parsed: r,
      homeProvinceCode,
      errors: errs,
      warnings: [],
      match: null,
      personId: null,
    };
  });
}
