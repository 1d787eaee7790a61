/** The volunteer list import (XLSX as institutions send it) and its progress lines. */
import { z } from 'zod';
import { idText } from '../common.ts';
import { rosterIssue, sexValue } from '../people.ts';
import { volunteerGroups } from './common.ts';

/** The multipart fields besides the file: what to do, and the institution that keeps the list. */
export const volunteerImportFields = z.object({ orgId: idText });

export const volunteerImportRow = z.object({
  row: z.number().int(),
  fullName: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: sexValue.nullable(),
  cccd: z.string().nullable(),
  phone: z.string().nullable(),
  group: z.enum(volunteerGroups).nullable(),
  skills: z.array(z.string()),
  ready: z.boolean(),
  /** new: a person new to the registry; existing: a person stored (seen or linked); registered: in this registry already (skipped). */
  match: z.enum(['new', 'existing', 'registered']).nullable(),
  errors: z.array(rosterIssue),
  warnings: z.array(z.string()),
});

export const volunteerImportPreview = z.object({
  mode: z.literal('preview'),
  orgId: z.number().int(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  newPeople: z.number().int(),
  existingPeople: z.number().int(),
  alreadyRegistered: z.number().int(),
  columns: z.record(z.string(), z.string()),
  issues: z.array(rosterIssue),
  rows: z.array(volunteerImportRow),
});

export const volunteerImportCommit = z.object({
  mode: z.literal('commit'),
  orgId: z.number().int(),
  total: z.number().int(),
  /** Profiles created; people new to the registry; people linked; rows already in the registry (skipped). */
  created: z.number().int(),
  newPeople: z.number().int(),
  linked: z.number().int(),
  skipped: z.number().int(),
});

export const volunteerImportResult = z.union([volunteerImportPreview, volunteerImportCommit]);
export type VolunteerImportResult = z.infer<typeof volunteerImportResult>;

export const volunteerImportProgress = z.object({
  phase: z.enum(['read', 'check', 'write']),
  done: z.number().int().optional(),
  total: z.number().int().optional(),
});
export type VolunteerImportProgress = z.infer<typeof volunteerImportProgress>;

/** The list's columns, in the order institutions send them (the template and the export). */
export const volunteerColumns = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Số CCCD',
  'Điện thoại',
  'Email',
  'Đối tượng',
  'Khoa/Bộ môn',
  'Năm thứ',
  'Chuyên ngành',
  'Kỹ năng',
  'Sẵn sàng',
  'Tỉnh quê quán',
] as const;

/** "Đối tượng" words of the list, per group. */
export const groupWords: Record<(typeof volunteerGroups)[number], string> = {
  staff: 'Cán bộ',
  lecturer: 'Giảng viên',
  graduate_student: 'Học viên',
  student: 'Sinh viên',
  other: 'Khác',
};
