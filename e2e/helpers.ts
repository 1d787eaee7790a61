import path from 'node:path';
import { type Browser, expect, type Locator, type Page } from '@playwright/test';

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

/** A fresh browser context signed in as `username` (each sign-in costs an argon2 hash: sign in once per journey). */
export async function pageAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** The open Ant Design select list's option with this title (the option's text, or its `title`). */
export function openOption(page: Page, title: string | RegExp): Locator {
  return page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle(title, { exact: typeof title === 'string' })
    .first();
}

/** Opens a select, chooses an option, and makes sure the list closed (Escape keeps the choice). */
export async function choose(page: Page, select: Locator, title: string | RegExp): Promise<void> {
  await select.click();
  await openOption(page, title).click();
  if ((await select.getAttribute('aria-expanded')) === 'true') await select.press('Escape');
}

/**
 * Opens a select and chooses an option until `chosen` shows the choice: on a starved machine a click on an option
 * still sliding in can be lost (the list stays open over the form), and a person would simply click again.
 */
export async function chooseUntil(
  page: Page,
  select: Locator,
  title: string | RegExp,
  chosen: Locator,
): Promise<void> {
  await expect(async () => {
    if ((await select.getAttribute('aria-expanded')) !== 'true') await select.click();
    await openOption(page, title).click({ timeout: 5_000 });
    await expect(chosen).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 40_000 });
  if ((await select.getAttribute('aria-expanded')) === 'true') await select.press('Escape');
}

/**
 * Clicks an option of an open list until `done` shows the choice. A list opened above its field moves up when its
 * options arrive, so a click aimed a moment earlier can land beside the option on a busy machine; a person would
 * click again. Nothing is clicked once the choice shows.
 */
export async function clickOptionUntil(option: Locator, done: Locator): Promise<void> {
  await expect(async () => {
    if (await done.isVisible()) return;
    await option.click({ timeout: 5_000 });
    await expect(done).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 40_000 });
}

/** Types a dd/mm/yyyy date into a date picker and leaves it with Tab (Enter would submit a modal's form). */
export async function typeDate(input: Locator, ddmmyyyy: string): Promise<void> {
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}

/** A calendar day in Vietnam, `days` from today, as dd/mm/yyyy. */
export function vnDay(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);
}
