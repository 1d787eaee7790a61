import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Signed-in admin session, written by auth.setup.ts and reused by the journeys. */
export const adminStatePath = path.resolve(
  import.meta.dirname,
  '..',
  'artifacts',
  'e2e',
  '.auth',
  'admin.json',
);

export const DEMO_PASSWORD = 'ChungTay@2026';

/** Signs in through the login form, the way a person does. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByRole('heading', { name: /^Xin chào/ })).toBeVisible();
}

/** Types into the organisation search box above the tree. */
export async function searchOrgs(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Tìm tổ chức' }).fill(text);
}
