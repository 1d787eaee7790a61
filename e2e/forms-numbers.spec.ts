import { expect, test } from '@playwright/test';
import { pageAs } from './helpers.ts';

// Issue 10: numbers are never silently changed. In the demo plan 12/KH-LĐLĐ (quarterly, its current quarter
// open) the health union's data clerk types Vietnamese numbers into the report form. Journeys share one database
// and run in file order: this one comes before home-by-role.spec.ts, which submits that quarter (and accepts it).
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ storageState: { cookies: [], origins: [] } });

test('the report form keeps 1.234, refuses 12a0 on the field, and marks a missing value before asking to submit', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'nhaplieu.ytedb');
  await page.getByRole('menuitem', { name: 'Báo cáo phải nộp' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: '12/KH-LĐLĐ' })
    .first()
    .getByRole('button', { name: /Nhập báo cáo/ })
    .click();
  const people = page.getByLabel('Người tham gia hiến máu', { exact: true });
  await expect(people).toBeVisible();

  // Submitting with nothing typed: the fields are marked and no confirmation is asked.
  await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await expect(page.getByText('Chưa nhập số liệu').first()).toBeVisible();
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(people).toBeFocused();
  // A yes/no starts unanswered rather than "Không".
  await expect(page.getByRole('radio', { name: 'Không' })).not.toBeChecked();

  // Garbage is refused on the field while typing, and nothing is saved.
  await people.fill('12a0');
  await expect(page.getByRole('alert').filter({ hasText: 'Không phải là số' })).toBeVisible();
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByText('Đã lưu nháp')).toHaveCount(0);
  await expect(people).toHaveValue('12a0');
  await page.reload();
  await expect(people).toHaveValue('');

  // "1.234" is one thousand two hundred thirty-four people: kept as typed and stored.
  await people.fill('1.234');
  await people.blur();
  await expect(people).toHaveValue('1.234');
  await expect(page.getByRole('alert').filter({ hasText: 'Không phải là số' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByText('Đã lưu nháp')).toBeVisible();
  await page.reload();
  await expect(people).toHaveValue('1.234');
  await page.screenshot({ path: 'artifacts/e2e/numbers-report-form.png', fullPage: true });
  await page.context().close();
});
