import { z } from 'zod';
import { defineFieldIssues } from './common.ts';

export const authIssues = defineFieldIssues('auth', {
  username_required: 'Nhập tên đăng nhập',
  password_required: 'Nhập mật khẩu',
  password_min: 'Mật khẩu tối thiểu 10 ký tự',
  password_letter: 'Mật khẩu cần có chữ cái',
  password_digit: 'Mật khẩu cần có chữ số',
  token_name_required: 'Đặt tên cho khoá',
});

export const permissions = [
  'org.read',
  'org.write',
  'user.manage',
  'audit.read',
  'admin_unit.manage',
  'report.write',
  'plan.manage',
  /** Run training: requests, classes, trainers, attendance, results, certificates. */
  'training.manage',
  /** Register and edit people in the registry. */
  'person.manage',
  /** See national ID numbers (CCCD) in full — sensitive personal data, every full read audited. */
  'person.sensitive',
  /** Keep an institution's volunteer registry; answer mobilisation waves with named volunteers. */
  'volunteer.manage',
  /** Open mobilisation waves, set quotas, deploy volunteers, override an overlap (with a reason). */
  'wave.manage',
  /** Organise blood drives and clubs, book donors, record donations (not their health data). */
  'blood.manage',
  /** Read and record donors' health data: blood group, deferral reasons, screening, the questionnaire (audited). */
  'blood.health',
  'system.admin',
] as const;
export type Permission = (typeof permissions)[number];

export const loginBody = z.object({
  username: z.string().trim().min(1, authIssues.username_required).max(100),
  password: z.string().min(1, authIssues.password_required).max(200),
});

export const grantView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  role: z.string(),
  roleName: z.string(),
});

export const meBody = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    locale: z.enum(['vi', 'en']),
    /** The person the account belongs to (a volunteer's own pages); null for a staff-only account. */
    personId: z.number().int().nullable(),
  }),
  grants: z.array(grantView),
  permissions: z.array(z.string()),
  isSystemAdmin: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meBody>;

export const updateMeBody = z.object({
  locale: z.enum(['vi', 'en']).optional(),
  fullName: z.string().trim().min(2).max(200).optional(),
});

export const strongPassword = z
  .string()
  .min(10, authIssues.password_min)
  .max(200)
  .regex(/[a-zA-Z]/, authIssues.password_letter)
  .regex(/[0-9]/, authIssues.password_digit);

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: strongPassword,
});

export const apiTokenView = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createTokenBody = z.object({
  name: z.string().trim().min(1, authIssues.token_name_required).max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});
export const createdToken = apiTokenView.extend({ token: z.string() });
