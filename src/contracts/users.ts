import { z } from 'zod';
import { strongPassword } from './auth.ts';
import { pageOf, pageQuery } from './common.ts';

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Tên đăng nhập tối thiểu 3 ký tự')
  .max(60)
  .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -');

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
  orgId: z.number().int().positive(),
  role: z.string().min(1).max(50),
});

export const createUserBody = z.object({
  username,
  fullName: z.string().trim().min(2, 'Nhập họ tên').max(200),
  email: z
    .email('Email không hợp lệ')
    .nullish()
    .or(z.literal('').transform(() => null)),
  password: strongPassword,
  locale: z.enum(['vi', 'en']).default('vi'),
  grants: z.array(grantInput).min(1, 'Cần ít nhất một quyền trên một tổ chức').max(50),
});

export const updateUserBody = z.object({
  fullName: z.string().trim().min(2).max(200).optional(),
  email: z
    .email('Email không hợp lệ')
    .nullish()
    .or(z.literal('').transform(() => null)),
  isActive: z.boolean().optional(),
  password: strongPassword.optional(),
});

export const listUsersQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });
export const userPage = pageOf(userView);
