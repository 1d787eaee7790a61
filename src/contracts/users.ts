import { z } from 'zod';
import { strongPassword } from './auth.ts';
import { commonIssues, defineFieldIssues, id, pageOf, pageQuery } from './common.ts';

export const userIssues = defineFieldIssues('users', {
  username_min: 'Tên đăng nhập tối thiểu 3 ký tự',
  username_chars: 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -',
  grants_min: 'Cần ít nhất một quyền trên một tổ chức',
});

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, userIssues.username_min)
  .max(60)
  .regex(/^[a-z0-9._-]+$/, userIssues.username_chars);

export const roleView = z.object({
  key: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.string()),
});

export const userGrant = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  role: z.string(),
});

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  locale: z.enum(['vi', 'en']),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(userGrant),
});
export type UserView = z.infer<typeof userView>;

export const grantInput = z.object({
  orgId: id,
  role: z.string().min(1).max(50),
});

export const createUserBody = z.object({
  username,
  fullName: z.string().trim().min(2, commonIssues.full_name_required).max(200),
  email: z
    .email(commonIssues.email_invalid)
    .nullish()
    .or(z.literal('').transform(() => null)),
  password: strongPassword,
  locale: z.enum(['vi', 'en']).default('vi'),
  grants: z.array(grantInput).min(1, userIssues.grants_min).max(50),
});

export const updateUserBody = z.object({
  fullName: z.string().trim().min(2).max(200).optional(),
  email: z
    .email(commonIssues.email_invalid)
    .nullish()
    .or(z.literal('').transform(() => null)),
  isActive: z.boolean().optional(),
  password: strongPassword.optional(),
});

export const listUsersQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });
export const userPage = pageOf(userView);
