import { expect, test } from '@playwright/test';
import { searchOrgs } from './helpers.ts';

// Journeys 2–5 share the organisation created in journey 3.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const newOrgName = `Công đoàn cơ sở Trường THPT Thử Nghiệm ${stamp}`;

test('browse the tree down to a provincial federation', async ({ page }) => {
  await page.goto('/orgs');
  const tree = page.getByRole('tree');
  const national = tree.getByRole('treeitem', { name: /Tổng Liên đoàn Lao động Việt Nam/ });
  await expect(national).toBeVisible();
  // Clicking a node opens it on the right and expands it in the tree.
  await national.getByText('Tổng Liên đoàn Lao động Việt Nam', { exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Tổng Liên đoàn Lao động Việt Nam' }),
  ).toBeVisible();
  const province = tree.getByRole('treeitem', { name: /Liên đoàn Lao động tỉnh Điện Biên/ });
  await expect(province).toBeVisible();
  await province.getByText('Liên đoàn Lao động tỉnh Điện Biên', { exact: true }).click();
  await expect(page).toHaveURL(/\/orgs\/\d+$/);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Liên đoàn Lao động tỉnh Điện Biên' }),
  ).toBeVisible();
  await expect(page.getByRole('navigation').getByText('Tổng Liên đoàn Lao động Việt Nam')).toBeVisible();
  await expect(page.getByText('Công đoàn', { exact: true }).first()).toBeVisible();
});

test('create a sub-organisation under the Điện Biên federation', async ({ page }) => {
  await page.goto('/orgs');
  await searchOrgs(page, 'lien doan lao dong tinh dien bien');
  await page.getByRole('link', { name: 'Liên đoàn Lao động tỉnh Điện Biên', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Liên đoàn Lao động tỉnh Điện Biên' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Tên tổ chức')).toBeFocused();
  // The same zod schema as the API: a one-letter name is refused on the field.
  await dialog.getByLabel('Tên tổ chức').fill('A');
  await dialog.getByRole('button', { name: 'Tạo' }).click();
  await expect(dialog.getByText('Tên tối thiểu 2 ký tự')).toBeVisible();

  await dialog.getByLabel('Tên tổ chức').fill(newOrgName);
  await dialog.getByLabel('Tên viết tắt').fill('CĐCS THPT TN');
  await dialog.getByLabel('Điện thoại').fill('0215 3826 123');
  // Enter only moves between fields; Ctrl+Enter sends the form.
  await dialog.getByLabel('Tên viết tắt').press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: newOrgName })).toBeVisible();
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Liên đoàn Lao động tỉnh Điện Biên' }),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  await expect(page.getByRole('tabpanel').getByText('Thành lập', { exact: true })).toBeVisible();
});

test('find it by searching without diacritics', async ({ page }) => {
  await page.goto('/orgs');
  await searchOrgs(page, 'cong doan co so truong thpt thu nghiem');
  const result = page.getByRole('link', { name: newOrgName });
  await expect(result).toBeVisible();
  await result.click();
  await expect(page.getByRole('heading', { level: 2, name: newOrgName })).toBeVisible();
  // The tree opens down to the organisation found.
  await page.getByRole('textbox', { name: 'Tìm tổ chức' }).clear();
  await expect(page.getByRole('treeitem', { name: newOrgName, selected: true })).toBeVisible();
});

test('the audit log shows who created it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('menuitem', { name: 'Nhật ký hoạt động' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký hoạt động' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Loại đối tượng' }).click();
  // antd renders each option twice (an a11y-only copy and the visible one); the visible one carries a title.
  await page.getByTitle('Tổ chức', { exact: true }).click();
  const row = page.getByRole('row', { name: new RegExp(`admin.*${stamp}`) }).first();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /expand|mở rộng/i }).click();
  // The change in words: the field's label and its new value, the raw JSON behind "Xem dữ liệu gốc".
  await expect(page.getByRole('columnheader', { name: 'Sau', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: newOrgName, exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Xem dữ liệu gốc' }).first().click();
  await expect(page.locator('pre').filter({ hasText: newOrgName }).first()).toBeVisible();
});
