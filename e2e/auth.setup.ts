import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test as setup } from '@playwright/test';
import { adminStatePath, signIn } from './helpers.ts';

// Journey 1: the system administrator signs in.
setup('sign in as admin', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();

  // A wrong password is refused with a message, not a crash.
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('không đúng');

  await signIn(page, 'admin');
  await expect(page.getByRole('menuitem', { name: 'Tổ chức' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Người dùng' })).toBeVisible();
  // Only modules that exist are in the menu: no "Sắp ra mắt" placeholders.
  await expect(page.getByText('Sắp ra mắt')).toHaveCount(0);
  mkdirSync(path.dirname(adminStatePath), { recursive: true });
  await page.context().storageState({ path: adminStatePath });
});
