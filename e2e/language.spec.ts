import { expect, test } from '@playwright/test';

// Journey 6: switch the interface to English; the choice is remembered across reloads.
test('switch to English and back', async ({ page }) => {
  await page.goto('/orgs');
  await expect(page.getByRole('menuitem', { name: 'Tổ chức' })).toBeVisible();
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Organisations' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Plans & reports' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Search organisations' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Organisations' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: /^Hello/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('english-overview.png') });

  // Back to Vietnamese so the other journeys read the default language.
  await page.getByText('VI', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Tổng quan' })).toBeVisible();
});
