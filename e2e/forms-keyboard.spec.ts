import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { choose, openOption, pageAs, searchOrgs, typeDate } from './helpers.ts';

// A tester sent a training request half-filled, twice, by pressing Enter in a date field. In every form Enter
// moves on or confirms the field; only the submit button or Ctrl+Enter sends. Typed short dates are understood.

const shots = path.resolve(import.meta.dirname, '..', 'artifacts', 'e2e', 'forms-keyboard');
const course = 'Sơ cứu, cấp cứu tại nơi làm việc – người lao động';

/** Counts the POSTs the page sends to an API path. */
function countPosts(page: Page, apiPath: string): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === apiPath) n++;
  });
  return () => n;
}

test('Enter in the training request form sends nothing; Ctrl+Enter sends it; the requester withdraws it', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'nhansu.quevo');
  const posts = countPosts(page, '/api/training/requests');
  await page.goto('/training/requests');
  await page.getByRole('button', { name: 'Đề nghị đào tạo' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Đề nghị tổ chức lớp tập huấn' });
  await choose(page, dialog.getByRole('combobox', { name: 'Đơn vị đào tạo' }), /^Trung tâm Dịch vụ Nhân đạo/);
  await dialog.getByRole('combobox', { name: 'Khoá học' }).fill('nguoi lao dong (4 gio)');
  await openOption(page, new RegExp(`^${course} \\(4 giờ\\)$`)).click();
  await dialog.getByLabel('Số người').fill('12');

  // Enter in a text field moves to the next field.
  await dialog.getByLabel('Địa điểm').fill('Hội trường tầng 2');
  await dialog.getByLabel('Địa điểm').press('Enter');
  const from = dialog.getByLabel('Thời gian mong muốn từ');
  await expect(from).toBeFocused();
  // Enter in a date field takes the typed short date, and sends nothing.
  await from.fill('1/1/27');
  await from.press('Enter');
  await expect(from).toHaveValue('01/01/2027');
  await page.waitForTimeout(500);
  expect(posts()).toBe(0);
  await expect(dialog).toBeVisible();

  // A typed text that is no date is refused on the field, not dropped silently.
  const to = dialog.getByLabel('đến', { exact: true });
  await typeDate(to, '31/02/27');
  await expect(dialog.getByText('Không hiểu ngày “31/02/27”')).toBeVisible();
  await typeDate(to, '31-1-2027');
  await expect(to).toHaveValue('31/01/2027');
  await expect(dialog.getByText('Không hiểu ngày')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, '01-request-form.png') });
  expect(posts()).toBe(0);

  await dialog.getByLabel('Ghi chú').fill('Ca đêm');
  await dialog.getByLabel('Ghi chú').press('Control+Enter');
  await expect(page.getByRole('heading', { level: 2, name: course })).toBeVisible();
  expect(posts()).toBe(1);
  await expect(page.getByText('01/01/2027')).toBeVisible();

  // Until the provider schedules it, the requester can take it back, knowing what happens.
  await page.getByRole('button', { name: 'Rút đề nghị' }).click();
  const confirm = page.getByRole('dialog', { name: /^Rút đề nghị số/ });
  await expect(confirm.getByText('không tiếp nhận hay xếp lớp được nữa')).toBeVisible();
  await confirm.getByRole('button', { name: 'Rút đề nghị' }).click();
  await expect(page.getByText('Đã rút', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sửa' })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, '02-request-withdrawn.png') });
  await page.context().close();
});

test('Enter in the plan form and the organisation form sends nothing', async ({ browser, page }) => {
  const planner = await pageAs(browser, 'ldld.dienbien');
  const planPosts = countPosts(planner, '/api/plans');
  await planner.getByRole('menuitem', { name: 'Kế hoạch & báo cáo' }).click();
  await planner.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await expect(planner.getByLabel('Số, ký hiệu')).toBeFocused();
  await planner.getByLabel('Số, ký hiệu').fill('99/KH-THU');
  await planner.getByLabel('Số, ký hiệu').press('Enter');
  await planner.waitForTimeout(500);
  await expect(planner.getByText('Còn ô chưa hợp lệ')).toHaveCount(0);
  await expect(planner.getByRole('heading', { name: 'Soạn kế hoạch mới' })).toBeVisible();
  expect(planPosts()).toBe(0);
  await planner.context().close();

  const orgPosts = countPosts(page, '/api/orgs');
  await page.goto('/orgs');
  await searchOrgs(page, 'lien doan lao dong tinh dien bien');
  await page.getByRole('link', { name: 'Liên đoàn Lao động tỉnh Điện Biên', exact: true }).click();
  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên tổ chức').fill('Công đoàn cơ sở Nhấn Enter');
  await dialog.getByLabel('Tên tổ chức').press('Enter');
  await dialog.getByLabel('Tên viết tắt').press('Enter');
  await page.waitForTimeout(500);
  expect(orgPosts()).toBe(0);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Huỷ' }).click();
});
