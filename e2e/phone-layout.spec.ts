import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers.ts';

/**
 * On a phone (390 × 844) no page scrolls sideways: wide tables scroll inside their own box, filter rows and
 * action buttons wrap, the menu opens from the header. Each demo role signs in and visits its pages, including a
 * plan's, a class's and a request's detail with every tab; the pages that overflow are collected and listed.
 */

const phone = { width: 390, height: 844 };

const pages = [
  '/',
  '/account',
  '/orgs',
  '/plans',
  '/plans/new',
  '/reports',
  '/training/classes',
  '/training/requests',
  '/training/courses',
  '/training/trainers',
  '/training/certificates',
  '/training/compliance',
  '/training/reach',
  '/people',
  '/admin/users',
  '/admin/audit',
  '/admin/admin-units',
  '/volunteers',
  '/volunteers/readiness',
  '/volunteers/import',
  '/volunteers/applications',
  '/waves',
  '/waves/inbox',
];

/** Lists whose first row's detail page is visited too (with each of its tabs). */
const details: [list: string, prefix: string][] = [
  ['/plans', '/plans/'],
  ['/training/classes', '/training/classes/'],
  ['/training/requests', '/training/requests/'],
  ['/volunteers', '/volunteers/'],
  ['/waves', '/waves/'],
];

const roles = [
  'admin',
  'ldld.dienbien',
  'nhaplieu.ytedb',
  'xem.dienbien',
  'ttdvnd',
  'nhansu.quevo',
  'cuc.khcndt',
  'tnv.ydhp',
];

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
}

async function overflowOf(page: Page, label: string): Promise<string | null> {
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  return width > phone.width ? `${label}: ${width}px` : null;
}

async function visit(page: Page, path: string, failures: string[]) {
  await page.goto(path);
  await settle(page);
  const own = await overflowOf(page, path);
  if (own) failures.push(own);
  const tabs = page.locator('.app-content [role=tab]');
  const count = await tabs.count();
  for (let i = 1; i < count; i++) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible()) || (await tab.getAttribute('aria-disabled')) === 'true') continue;
    const name = (await tab.innerText()).trim();
    await tab.click();
    await settle(page);
    const o = await overflowOf(page, `${path} (${name})`);
    if (o) failures.push(o);
  }
}

for (const role of roles) {
  test(`${role}: every page fits a 390 px phone without sideways scrolling`, async ({ browser }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext({ viewport: phone, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, role);

    // The menu opens from a button in the header bar, not a tab floating over the page's title. Its groups
    // unfold, and what it leads to is the role's own set of pages.
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await expect(page.getByRole('menuitem', { name: 'Tổ chức' })).toBeVisible();
    const drawer = page.locator('.ant-drawer');
    for (const group of await drawer.locator('.ant-menu-submenu-title').all()) await group.click();
    const menu = new Set(
      // An item's key is its path: Ant Design renders it in `data-menu-id` ("rc-menu-uuid-…-/orgs").
      await drawer
        .locator('[data-menu-id*="-/"]')
        .evaluateAll((items) =>
          items.map((i) => (i.getAttribute('data-menu-id') ?? '').replace(/^.*?-\//, '/')),
        ),
    );
    expect([...menu]).toEqual(expect.arrayContaining(['/orgs']));
    await page.getByRole('menuitem', { name: 'Tổ chức' }).click();
    await expect(page.getByRole('menuitem', { name: 'Tổ chức' })).toBeHidden();

    // The administrator walks every page; another role walks the pages its own menu leads to (the others answer
    // it with the same "no access" page the administrator's walk already measured).
    const mine = (path: string) => role === 'admin' || path === '/' || path === '/account' || menu.has(path);
    const failures: string[] = [];
    for (const path of pages.filter(mine)) await visit(page, path, failures);
    for (const [list, prefix] of details.filter(([list]) => mine(list))) {
      await page.goto(list);
      await settle(page);
      const href = await page
        .locator(`.app-content a[href^="${prefix}"]`)
        .first()
        .getAttribute('href', { timeout: 2_000 })
        .catch(() => null);
      if (href && /^\/[a-z/]+\/\d+$/.test(href)) await visit(page, href, failures);
    }
    await context.close();
    expect(failures).toEqual([]);
  });
}

// A volunteer's person-only account has no organisation menu: only her own page.
test('sv.ydhp: her own volunteering page fits a 390 px phone without sideways scrolling', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: phone, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, 'sv.ydhp');
  const failures: string[] = [];
  for (const path of ['/', '/account', '/me/volunteering']) await visit(page, path, failures);
  await context.close();
  expect(failures).toEqual([]);
});

/**
 * Seed 001's pages, each walked once, by the role that works there (every role's menu leads to them, but walking
 * them for every role would measure the same layouts again): the Red Cross desk officer walks the staff pages, a
 * drive's, a donor's and a club's detail and the check-in desk; the donor, his own page.
 */
const bloodPages = ['/blood/drives', '/blood/donors', '/blood/clubs', '/blood/callouts', '/blood/honours'];
const bloodDetails: [list: string, prefix: string][] = [
  ['/blood/drives', '/blood/drives/'],
  ['/blood/donors', '/blood/donors/'],
  ['/blood/clubs', '/blood/clubs/'],
];

test('blood donation: the desk officer’s and the donor’s pages fit a 390 px phone without sideways scrolling', async ({
  browser,
}) => {
  const failures: string[] = [];
  const desk = await browser.newContext({ viewport: phone, storageState: { cookies: [], origins: [] } });
  const page = await desk.newPage();
  await signIn(page, 'hienmau.dienbien');
  for (const path of bloodPages) await visit(page, path, failures);
  for (const [list, prefix] of bloodDetails) {
    await page.goto(list);
    await settle(page);
    const href = await page.locator(`.app-content a[href^="${prefix}"]`).first().getAttribute('href');
    expect(href).toMatch(/^\/blood\/[a-z]+\/\d+$/);
    await visit(page, href!, failures);
    // The first drive listed is the one coming up: its check-in desk too.
    if (list === '/blood/drives') await visit(page, `${href}/desk`, failures);
  }
  await desk.close();

  const own = await browser.newContext({ viewport: phone, storageState: { cookies: [], origins: [] } });
  const donor = await own.newPage();
  await signIn(donor, 'nguoihien.dienbien');
  await visit(donor, '/me/blood', failures);
  await own.close();
  expect(failures).toEqual([]);
});
