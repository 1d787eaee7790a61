import { type Browser, expect, type Page, test } from '@playwright/test';
import { clickOptionUntil, signIn } from './helpers.ts';

// Issue 3 end to end: the federation drafts and issues a plan, splits its targets, a unit reports on time,
// the federation returns the report with a comment and then accepts it; the dashboard and the export follow.
// The late and missing units come from the demo guidance 45/HD-LĐLĐ (the clock cannot be moved in e2e).
// Each journey signs in as a different person (one sign-in costs an argon2 hash): generous timeouts.
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ storageState: { cookies: [], origins: [] } });

const stamp = Date.now();
const number = `${String(stamp).slice(-5)}/KH-LĐLĐ`;
const title = `Hiến máu tình nguyện đợt thử nghiệm ${stamp}`;
const health = 'Công đoàn ngành Y tế tỉnh Điện Biên';
const education = 'Công đoàn ngành Giáo dục tỉnh Điện Biên';
const federation = 'Liên đoàn Lao động tỉnh Điện Biên';

function ddmmyyyy(daysFromToday: number): string {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(d);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('day')}/${part('month')}/${part('year')}`;
}

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

async function fillDate(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/**
 * Types into an organisation picker and chooses the organisation by its exact name. Options are titled
 * "name — parent": matching the title, a unit whose parent has that name is never taken for it.
 */
async function pickOrg(page: Page, picker: string, search: string, name: string) {
  await page.getByRole('combobox', { name: picker }).fill(search);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await clickOptionUntil(
    page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .getByTitle(new RegExp(`^${escaped}( — .*)?$`)),
    page.getByRole('button', { name: `Xoá ${name}` }),
  );
}

async function openPlan(page: Page) {
  await page.getByRole('menuitem', { name: 'Kế hoạch & báo cáo' }).click();
  await page.getByRole('searchbox', { name: 'Tìm kế hoạch' }).fill(`thu nghiem ${stamp}`);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

test('the federation drafts and issues a plan', async ({ browser }) => {
  const page = await as(browser, 'ldld.dienbien');
  await page.getByRole('menuitem', { name: 'Kế hoạch & báo cáo' }).click();
  await expect(page.getByRole('link', { name: '45/HD-LĐLĐ', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await expect(page.getByRole('heading', { name: 'Soạn kế hoạch mới' })).toBeVisible();
  await expect(page.getByLabel('Số, ký hiệu')).toBeFocused();

  // The same zod schema as the API: saving an empty form marks the fields, nothing is sent.
  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByText('Còn ô chưa hợp lệ').first()).toBeVisible();

  await page.getByLabel('Số, ký hiệu').fill(number);
  await page.getByLabel('Trích yếu nội dung').fill(title);
  await fillDate(page, 'Thực hiện từ ngày', ddmmyyyy(0));
  await fillDate(page, 'Đến ngày', ddmmyyyy(30));
  await fillDate(page, 'Hạn nộp báo cáo', ddmmyyyy(20));
  await pickOrg(page, 'Gõ tên đơn vị phải báo cáo để thêm', 'nganh y te dien bien', health);
  await pickOrg(page, 'Gõ tên đơn vị phải báo cáo để thêm', 'nganh giao duc dien bien', education);

  await page.getByLabel('Mã', { exact: true }).fill('DV_MAU');
  await page.getByLabel('Tên chỉ tiêu').fill('Đơn vị máu tiếp nhận');
  await page.getByLabel('Đơn vị tính').fill('đơn vị');
  await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  await page.getByLabel('Mã', { exact: true }).nth(1).fill('TL_HM');
  await page.getByLabel('Tên chỉ tiêu').nth(1).fill('Đoàn viên tham gia hiến máu');
  await page.getByLabel('Cách tính').nth(1).click();
  await page.getByTitle('Tỷ lệ (tử số/mẫu số)').click();
  await page.getByLabel('Tên tử số').fill('Số đoàn viên hiến máu');
  await page.getByLabel('Tên mẫu số').fill('Tổng số đoàn viên');

  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByText('Dự thảo', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: health })).toContainText('Phải báo cáo');

  await page.getByRole('button', { name: 'Ban hành' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Ban hành' }).click();
  await expect(page.getByText('Đã ban hành', { exact: true }).first()).toBeVisible();
  await page.context().close();
});

test('the federation splits its target among its units', async ({ browser }) => {
  const page = await as(browser, 'ldld.dienbien');
  await openPlan(page);
  await page.getByRole('tab', { name: 'Chỉ tiêu & giao chỉ tiêu' }).click();
  // Columns are headed by the indicator's name, its code and unit as a hint.
  await expect(
    page.getByRole('columnheader', { name: /^Đơn vị máu tiếp nhận\s*DV_MAU · đơn vị$/ }),
  ).toBeVisible();
  // Garbage is refused on its cell and nothing is saved.
  await page.getByLabel(`DV_MAU — ${federation}`).fill('5o0');
  await expect(page.getByRole('alert').filter({ hasText: 'Không phải là số' })).toBeVisible();
  await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await expect(page.getByText('Còn 1 ô chưa hợp lệ (được tô đỏ): sửa rồi lưu lại.')).toBeVisible();
  await page.getByLabel(`DV_MAU — ${federation}`).fill('500');
  await page.getByLabel(`DV_MAU — ${health}`).fill('300');
  await page.getByLabel(`DV_MAU — ${education}`).fill('150');
  // The sum and the difference follow the typing, before anything is saved.
  await expect(page.getByText('Thiếu 50')).toBeVisible();
  await page.getByLabel(`DV_MAU — ${education}`).fill('200');
  await expect(page.getByText('Đã khớp')).toBeVisible();
  await page.getByLabel(`TL_HM — ${federation}`).fill('30');
  await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await expect(page.getByText('Đã lưu chỉ tiêu')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`DV_MAU — ${health}`)).toHaveValue('300');
  await page.context().close();
});

test('the health union reports on time', async ({ browser }) => {
  const page = await as(browser, 'nhaplieu.ytedb');
  await page.getByRole('menuitem', { name: 'Báo cáo phải nộp' }).click();
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('Chưa đến hạn');
  await row.getByRole('button', { name: /Nhập báo cáo/ }).click();
  await expect(page.getByRole('heading', { name: `Báo cáo của ${health}` })).toBeVisible();
  await expect(page.getByText(/^Hạn nộp: /)).toBeVisible();

  await page.getByLabel('Đơn vị máu tiếp nhận').fill('330');
  await page.getByLabel('Số đoàn viên hiến máu').fill('420');
  await page.getByLabel('Tổng số đoàn viên').fill('1200');
  await expect(page.getByText('Tỷ lệ: 35%')).toBeVisible();
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByText('Đã lưu nháp')).toBeVisible();

  await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Nộp báo cáo' }).click();
  await expect(page.getByText(/Báo cáo đã nộp lúc/)).toBeVisible();
  await expect(page.getByText('Đúng hạn', { exact: true })).toBeVisible();
  await page.context().close();
});

test('the federation returns the report with a comment', async ({ browser }) => {
  const reviewer = await as(browser, 'ldld.dienbien');
  await openPlan(reviewer);
  await reviewer.getByRole('tab', { name: 'Báo cáo' }).click();
  await reviewer.getByRole('button', { name: `Xem ${health}` }).click();
  const dialog = reviewer.getByRole('dialog');
  await expect(dialog.getByText('330 đơn vị')).toBeVisible();
  // Returning needs a reason.
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(dialog.getByText('Hãy ghi lý do trả lại')).toBeVisible();
  await dialog
    .getByLabel('Nhận xét, lý do trả lại')
    .fill('Số đơn vị máu chưa khớp biên bản tiếp nhận, đề nghị kiểm tra lại.');
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(dialog).toBeHidden();
  await expect(reviewer.getByRole('row').filter({ hasText: health })).toContainText('Bị trả lại');
  await reviewer.context().close();
});

test('the health union corrects the returned report and the federation accepts it', async ({ browser }) => {
  const unit = await as(browser, 'nhaplieu.ytedb');
  await unit.getByRole('menuitem', { name: 'Báo cáo phải nộp' }).click();
  const row = unit.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('chưa khớp biên bản');
  await row.getByRole('button', { name: /Nhập báo cáo/ }).click();
  await expect(unit.getByText('Báo cáo bị trả lại để sửa')).toBeVisible();
  await unit.getByLabel('Đơn vị máu tiếp nhận').fill('320');
  await unit.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await unit.getByRole('tooltip').getByRole('button', { name: 'Nộp báo cáo' }).click();
  await expect(unit.getByText(/Báo cáo đã nộp lúc/)).toBeVisible();
  await unit.context().close();

  const reviewer = await as(browser, 'ldld.dienbien');
  await openPlan(reviewer);
  await reviewer.getByRole('tab', { name: 'Báo cáo' }).click();
  await reviewer.getByRole('button', { name: `Xem ${health}` }).click();
  const dialog = reviewer.getByRole('dialog');
  await expect(dialog.getByText('320 đơn vị')).toBeVisible();
  await dialog.getByRole('button', { name: 'Duyệt' }).click();
  await expect(dialog).toBeHidden();
  await expect(reviewer.getByRole('row').filter({ hasText: health })).toContainText('Đã duyệt');
  await reviewer.context().close();
});

test('the dashboard shows completeness and achievement, and the consolidated XLSX downloads', async ({
  browser,
}) => {
  const page = await as(browser, 'ldld.dienbien');
  await openPlan(page);
  await page.getByRole('tab', { name: 'Tổng hợp' }).click();
  const completeness = page.getByRole('region', { name: 'Tình hình nộp báo cáo' });
  await expect(completeness.locator('.ant-statistic').filter({ hasText: 'Phải nộp' })).toContainText('2');
  await expect(completeness.locator('.ant-statistic').filter({ hasText: 'Đã nộp' })).toContainText('1');
  await expect(completeness.locator('.ant-statistic').filter({ hasText: 'Đúng hạn' })).toContainText('1');
  // 320 of the federation's 500 units: 64%; the health union's 320 of its 300: 106,7% (Vietnamese decimal comma).
  const totals = page.getByRole('region', { name: 'Kết quả thực hiện chỉ tiêu' });
  await expect(totals.getByRole('row').filter({ hasText: 'DV_MAU' })).toContainText('64%');
  const units = page.getByRole('region', { name: 'Theo đơn vị trực thuộc' });
  await expect(units.getByRole('row').filter({ hasText: health })).toContainText('106,7%');
  await expect(page.getByRole('img', { name: 'Mức đạt chỉ tiêu theo đơn vị' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('plan-dashboard.png'), fullPage: true });

  // Drill into the health union: its own figures and, at a reporter, its report.
  await units.getByRole('button', { name: health }).click();
  await expect(page.getByRole('region', { name: 'Báo cáo của đơn vị' })).toContainText('320 đơn vị');
  await page.getByRole('button', { name: federation }).click();
  await expect(units).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Xuất Excel tổng hợp' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await page.context().close();
});

test('late and missing units of the demo guidance 45/HD-LĐLĐ are labelled', async ({ browser }) => {
  const page = await as(browser, 'ldld.dienbien');
  await page.getByRole('menuitem', { name: 'Kế hoạch & báo cáo' }).click();
  // Exact: the home page it comes from links "45/HD-LĐLĐ — <unit>" reports to review until the list has loaded.
  await page.getByRole('link', { name: '45/HD-LĐLĐ', exact: true }).click();
  await page.getByRole('tab', { name: 'Báo cáo' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Công đoàn Viên chức tỉnh Điện Biên' })).toContainText(
    'Nộp muộn',
  );
  await expect(page.getByRole('row').filter({ hasText: 'Tuần Giáo' })).toContainText('Quá hạn chưa nộp');
  // The reviewer narrows the list: a unit found by its name typed without diacritics, then only the missing.
  await page.getByRole('searchbox', { name: 'Tìm đơn vị (không cần dấu)' }).fill('vien chuc');
  await expect(page.getByRole('row').filter({ hasText: 'Công đoàn Viên chức tỉnh Điện Biên' })).toContainText(
    'Nộp muộn',
  );
  await expect(page.getByRole('row').filter({ hasText: 'Tuần Giáo' })).toHaveCount(0);
  await expect(page.getByText('1–1 trong 1 đơn vị')).toBeVisible();
  await page.getByLabel('Lọc theo thời hạn').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle('Quá hạn chưa nộp', { exact: true })
    .click();
  await expect(page.getByText(/^Không có đơn vị nào khớp bộ lọc/)).toBeVisible();
  await page.getByRole('tab', { name: 'Tổng hợp' }).click();
  const behind = page.getByRole('region', { name: 'Đơn vị chậm, chưa nộp' });
  await expect(behind).toContainText('Công đoàn Viên chức tỉnh Điện Biên');
  await expect(behind).toContainText('Quá hạn chưa nộp');
  await page.context().close();
});
