import { expect, test } from '@playwright/test';
import { searchOrgs, signIn } from './helpers.ts';

// A provincial user sees only their own subtree.
test.use({ storageState: { cookies: [], origins: [] } });

test('a Điện Biên federation officer cannot see Bắc Ninh', async ({ page }) => {
  await signIn(page, 'ldld.dienbien');
  await expect(page.getByRole('banner').getByText('Liên đoàn Lao động tỉnh Điện Biên')).toBeVisible();
  // An organisation administrator manages users but not the national list of administrative units.
  await expect(page.getByRole('menuitem', { name: 'Người dùng' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Đơn vị hành chính' })).toHaveCount(0);

  await page.getByRole('menuitem', { name: 'Tổ chức' }).click();
  const tree = page.getByRole('tree');
  await expect(tree.getByRole('treeitem', { name: /Liên đoàn Lao động tỉnh Điện Biên/ })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /Tổng Liên đoàn/ })).toHaveCount(0);

  await searchOrgs(page, 'bac ninh');
  await expect(page.getByText('Không có tổ chức nào khớp với “bac ninh”')).toBeVisible();
  await searchOrgs(page, 'dien bien');
  await expect(
    page.getByRole('link', { name: 'Liên đoàn Lao động tỉnh Điện Biên', exact: true }),
  ).toBeVisible();
});
