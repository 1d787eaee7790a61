import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type APIRequestContext,
  type Browser,
  expect,
  type Locator,
  type Page,
  test,
} from '@playwright/test';
import ExcelJS from 'exceljs';
import { chooseUntil, openOption, signIn, vnDay } from './helpers.ts';

// Issue 12, seed 001 in a real browser. The health union's organiser (hienmau.ytedb) plans a drive from the
// keyboard, books a donor by phone, follows the live funnel and downloads the report; the check-in desk runs a drive
// of today on a tablet (1024×768), keyboard first; the demo donor (Lường Văn Chiến), on his phone, finds the donation the desk
// just recorded, the day he may donate again in words and its certificate, then books, moves and cancels a slot
// at the new drive. The journeys share one database in file order (serial).
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ storageState: { cookies: [], origins: [] }, actionTimeout: 20_000 });

const run = Date.now() % 10_000;
const title = `Ngày hội hiến máu Công đoàn ngành Y tế lần ${run}`;
const site = 'Hội trường Trung tâm Kiểm soát bệnh tật tỉnh Điện Biên';
// After the 84 days that follow a whole-blood donation at the demo drive (today + 12): Chiến may book it.
const driveDay = vnDay(110);
const iso = (ddmmyyyy: string) => ddmmyyyy.split('/').reverse().join('-');
const ddmmyyyy = (isoDay: string) => isoDay.split('-').reverse().join('/');
const addDays = (isoDay: string, n: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const phoneDonor = 'Quàng Thị Mến';
const donor = 'Lường Văn Chiến';
const walkIn = { name: 'Điêu Thị Ngọc Ánh', birth: '12/03/1996', phone: '0966 123 457' };

let driveUrl = '';
let demoDrive: { id: number; driveDate: string; title: string };

/** A screenshot to look at (the screen as the person sees it; `full` for the whole page). */
async function shot(page: Page, step: string, full = false) {
  await page.waitForTimeout(250); // messages and modals finish their animation
  await page.screenshot({ path: `artifacts/e2e/blood-${step}.png`, fullPage: full });
}

/** A signed-in page in a fresh context of the given size. */
async function pageAs(browser: Browser, username: string, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** The signed-in page's API (for set-up that is not the journey's subject). */
async function api(page: Page) {
  const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
  const request: APIRequestContext = page.request;
  return {
    get: async (url: string) => {
      const r = await request.get(url);
      expect(r.status(), url).toBe(200);
      return r.json();
    },
    send: async (method: 'POST' | 'PUT', url: string, data: unknown, status = 200) => {
      const r = await request.fetch(url, { method, headers: { 'x-csrf-token': csrfToken }, data });
      expect(r.status(), `${url}: ${await r.text()}`).toBe(status);
      return r.json();
    },
  };
}

/** Counts the POSTs the page sends to API paths matching `re`. */
function countPosts(page: Page, re: RegExp): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && re.test(new URL(r.url()).pathname)) n++;
  });
  return () => n;
}

/** A statistic's figure by its title, within `scope` (a card, or the page). */
function stat(scope: Page | Locator, title: string): Locator {
  const page = 'goto' in scope ? scope : scope.page();
  return scope
    .locator('.ant-statistic')
    .filter({ has: page.locator('.ant-statistic-title').getByText(title, { exact: true }) })
    .locator('.ant-statistic-content');
}

/** Tab until `target` has the focus (a picker's clear button is a stop of its own), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 3) {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

async function number(l: Locator) {
  return Number((await l.innerText()).replace(/\D/g, ''));
}

/** The text of a PDF (pdftotext, Unicode NFC); its first page is kept as a PNG beside the screenshots. */
function pdfText(bytes: Buffer, name: string): string {
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'blood-')), 'd.pdf');
  writeFileSync(file, bytes);
  execFileSync(
    'pdftoppm',
    ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, `artifacts/e2e/blood-${name}`],
    { stdio: 'ignore' },
  );
  return execFileSync('pdftotext', ['-layout', file, '-'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).normalize('NFC');
}

/** Nothing wider than the screen: the page never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

test('1. the organiser plans a drive from the keyboard, books a donor by phone, follows the funnel and downloads the report', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'hienmau.ytedb');
  const http = await api(page);
  // Set-up: the phone number the donor gave when she called (the registry has it).
  const [men] = (await http.get(`/api/blood/donors?q=${encodeURIComponent('quang thi men')}`)).items;
  expect(men.fullName).toBe(phoneDonor);
  const posts = countPosts(page, /^\/api\/blood\/drives$/);

  await page.getByRole('menuitem', { name: 'Hiến máu' }).click();
  await page.getByRole('menuitem', { name: 'Điểm hiến máu' }).click();
  await page.getByRole('button', { name: 'Tạo điểm hiến máu' }).first().click();
  const form = page.getByRole('dialog', { name: 'Tạo điểm hiến máu' });
  // The organiser is the account's own union.
  await expect(form.getByTitle(/^Công đoàn ngành Y tế tỉnh Điện Biên/).first()).toBeVisible();
  // The receiving hospital is of another tree (the health department's): found by typing, without diacritics.
  const establishment = form.getByRole('combobox', { name: 'Cơ sở tiếp nhận máu' });
  await establishment.focus();
  await establishment.pressSequentially('benh vien da khoa tinh dien');
  await expect(openOption(page, /^Bệnh viện Đa khoa tỉnh Điện Biên/)).toBeVisible();
  await establishment.press('Enter');
  await expect(form.getByTitle(/^Bệnh viện Đa khoa tỉnh Điện Biên/)).toBeVisible();
  // Enter in a text field moves on and sends nothing; Ctrl+Enter on a half-filled form says what is missing.
  await form.getByLabel('Tên điểm hiến').fill(title);
  await form.getByLabel('Tên điểm hiến').press('Enter');
  await expect(form.getByLabel('Địa điểm')).toBeFocused();
  await page.keyboard.insertText(site);
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Địa chỉ')).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(form.getByText('Bắt buộc nhập')).toHaveCount(1); // the date
  expect(posts()).toBe(0);
  await page.keyboard.insertText('Phường Mường Thanh');
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Ngày')).toBeFocused();
  await page.keyboard.type(driveDay);
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Ngày')).toHaveValue(driveDay);
  // Hours are written 24-hour whatever the browser's language.
  await expect(form.getByLabel('Giờ mở')).toHaveValue('07:00');
  await tabTo(page, form.getByLabel('Giờ mở'));
  await page.keyboard.press('Control+a');
  await page.keyboard.type('07:30');
  await tabTo(page, form.getByLabel('Giờ đóng'));
  await page.keyboard.press('Control+a');
  await page.keyboard.type('10:30');
  await tabTo(page, form.getByLabel('Độ dài khung giờ'));
  await page.keyboard.press('Enter');
  await expect(openOption(page, '60 phút')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(form.getByTitle('60 phút', { exact: true })).toBeVisible();
  await tabTo(page, form.getByLabel('Số giường'));
  await page.keyboard.press('Control+a');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Nhân viên mỗi giường')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Chỉ tiêu (đơn vị máu)')).toBeFocused();
  await page.keyboard.type('25');
  await expect(form.getByText('Mỗi khung giờ nhận 10 người (giường × nhân viên).')).toBeVisible();
  await expect(form.getByLabel('Giờ mở')).toHaveValue('07:30');
  await expect(form.getByLabel('Giờ đóng')).toHaveValue('10:30');
  await shot(page, '1-drive-form');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`Đã lưu “${title}”`)).toBeVisible();
  expect(posts()).toBe(1);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  driveUrl = new URL(page.url()).pathname;
  expect(driveUrl).toMatch(/^\/blood\/drives\/\d+$/);
  await expect(page.getByText(`${driveDay} · 07:30–10:30 · ${site}`)).toBeVisible();
  const slots = page.locator('.ant-card').filter({ hasText: 'Luôn có làn tiếp nhận' });
  for (const s of ['07:30–08:30', '08:30–09:30', '09:30–10:30'])
    await expect(slots.getByText(s)).toBeVisible();
  await expect(slots.getByText('0/10')).toHaveCount(3);

  // Donors may book once it is open.
  await page.getByRole('button', { name: 'Mở đăng ký' }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /OK|Đồng ý/ })
    .click();
  await expect(page.locator('.ant-tag').getByText('Đang nhận đăng ký')).toBeVisible();

  // Listed among the drives, with its day and fill.
  await page.getByRole('link', { name: 'Điểm hiến máu' }).first().click();
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText(driveDay);
  await expect(row).toContainText('0/30');
  await expect(row).toContainText('Đang nhận đăng ký');
  await row.getByRole('link', { name: title }).click();

  // She called: found by her phone number, booked in the 08:30 slot; the code is shown once.
  await page.getByRole('button', { name: 'Đặt lịch cho người hiến' }).click();
  const book = page.getByRole('dialog', { name: 'Đặt lịch cho người hiến' });
  const who = book.getByRole('combobox', { name: /^(\* )?Người hiến$/ });
  await who.click();
  await who.pressSequentially(men.phone);
  await expect(
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText(phoneDonor),
  ).toBeVisible();
  await who.press('Enter');
  const slot = book.getByLabel('Khung giờ');
  await chooseUntil(page, slot, /^08:30–09:30/, book.getByTitle(/^08:30–09:30/).first());
  await book.getByRole('button', { name: 'Đặt lịch' }).click();
  const done = page.getByRole('dialog', { name: 'Đã đặt lịch' });
  await expect(done.locator('code')).toHaveText(/^[A-Za-z0-9_-]{43}$/);
  await done.getByRole('button', { name: 'Đồng ý' }).click();
  const bookings = page.locator('.ant-card').filter({ hasText: 'Người đăng ký (1)' });
  await expect(bookings.getByRole('row', { name: new RegExp(phoneDonor) })).toContainText('Cán bộ đăng ký');
  await expect(bookings.getByRole('row', { name: new RegExp(phoneDonor) })).toContainText('08:30');

  // The live funnel and the slots' fill.
  const funnel = page.locator('.ant-card').filter({ hasText: 'Kết quả trực tiếp' });
  await expect(stat(funnel, 'Đăng ký')).toHaveText('1');
  await expect(stat(funnel, 'Đơn vị máu')).toHaveText(/^0\s*\/\s*25$/);
  await expect(slots.getByText('1/10')).toBeVisible();
  await shot(page, '1-drive-funnel', true);

  // The report, as a workbook and a printable PDF, with the drive's words and the donor.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Báo cáo Excel' }).click();
  const book2 = new ExcelJS.Workbook();
  await book2.xlsx.readFile(await (await download).path());
  const cells: string[] = [];
  book2.eachSheet((sheet) =>
    sheet.eachRow((r) => {
      r.eachCell((c) => {
        cells.push(String(c.text ?? c.value));
      });
    }),
  );
  expect(cells.join(' | ')).toContain(title);
  expect(cells).toContain(phoneDonor);
  expect(cells).toContain('Đăng ký');
  const pdfHref = await page.getByRole('link', { name: 'Báo cáo PDF' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const text = pdfText(await pdf.body(), '1-report-pdf');
  expect(text).toContain('BÁO CÁO KẾT QUẢ ĐIỂM HIẾN MÁU TÌNH NGUYỆN');
  expect(text).toContain('CÔNG ĐOÀN NGÀNH Y TẾ');
  expect(text).toContain(phoneDonor);
  expect(text).toContain('Cán bộ đăng ký');
  expect(text).toMatch(new RegExp(`ngày ${driveDay}, từ 07:30 đến 10:30`));
  await page.context().close();
});

test('2. the check-in desk runs today’s drive on a tablet, from the keyboard', async ({ browser }) => {
  const page = await pageAs(browser, 'hienmau.dienbien', { width: 1024, height: 768 });
  const http = await api(page);
  // Set-up: a drive of today at the provincial hospital (the desk opens on a drive's day, not before), where
  // Lường Văn Chiến comes instead of the demo's upcoming drive he had booked; and, for the no-show, a drive of
  // yesterday with a donor booked who never came.
  const me = await http.get('/api/auth/me');
  const federation = me.grants.find(
    (g: { orgName: string }) => g.orgName === 'Liên đoàn Lao động tỉnh Điện Biên',
  );
  const drive = async (fields: Record<string, unknown>, open: boolean) => {
    const body = { organiserOrgId: federation.orgId, slotMinutes: 60, ...fields };
    const made = await http.send('POST', '/api/blood/drives', body, 201);
    if (!open) return made;
    const { organiserOrgId: _o, ...rest } = body;
    return http.send('PUT', `/api/blood/drives/${made.id}`, {
      ...rest,
      version: made.version,
      status: 'open',
    });
  };
  const today = await drive(
    {
      title: `Ngày hội hiến máu hôm nay ${run}`,
      site: 'Hội trường Bệnh viện Đa khoa tỉnh Điện Biên',
      driveDate: iso(vnDay(0)),
      opensAt: '07:00',
      closesAt: '17:00',
      capacityPerSlot: 10,
    },
    true,
  );
  demoDrive = { id: today.id, driveDate: today.driveDate, title: today.title };
  const open: { id: number; title: string; driveDate: string }[] = await http.get(
    '/api/blood/drives?status=open',
  );
  const upcoming = open
    .filter((d) => d.title !== title && d.driveDate > iso(vnDay(0)))
    .sort((a, b) => a.driveDate.localeCompare(b.driveDate))[0]!;
  const chien = (await http.get(`/api/blood/donors?q=${encodeURIComponent('luong van chien')}`)).items.find(
    (d: { fullName: string }) => d.fullName === donor,
  );
  const hisBooking = (await http.get(`/api/blood/drives/${upcoming.id}/bookings`)).find(
    (b: { personId: number; status: string }) => b.personId === chien.personId && b.status === 'booked',
  );
  await http.send('POST', `/api/blood/drives/${upcoming.id}/bookings/${hisBooking.id}/cancel`, {});
  await http.send(
    'POST',
    `/api/blood/drives/${today.id}/bookings`,
    { personId: chien.personId, slotId: today.slots[0].id },
    201,
  );
  // The upcoming drive's desk says from which day it opens, and checks nobody in before.
  await page.goto(`/blood/drives/${upcoming.id}/desk`);
  await expect(
    page.getByText(`Điểm hiến máu diễn ra ngày ${ddmmyyyy(upcoming.driveDate)}. Bàn tiếp nhận mở từ ngày đó`),
  ).toBeVisible();
  await expect(page.getByLabel('Mã mời')).toHaveCount(0);
  const yesterday = await drive(
    {
      title: `Điểm hiến máu hôm qua ${run}`,
      site: 'Hội trường Liên đoàn Lao động tỉnh',
      driveDate: iso(vnDay(-1)),
      opensAt: '07:00',
      closesAt: '08:00',
      capacityPerSlot: 5,
    },
    false,
  );
  const [dung] = (await http.get(`/api/blood/donors?q=${encodeURIComponent('ca van dung')}`)).items;
  await http.send(
    'POST',
    `/api/blood/drives/${yesterday.id}/bookings`,
    { personId: dung.personId, slotId: yesterday.slots[0].id },
    201,
  );
  const checkIns = countPosts(page, /\/desk\/check-in$/);
  const screenings = countPosts(page, /\/screening$/);

  await page.goto(`/blood/drives/${demoDrive.id}`);
  await page.getByRole('link', { name: 'Bàn tiếp nhận' }).click();
  await expect(page.getByRole('heading', { name: `Bàn tiếp nhận — ${demoDrive.title}` })).toBeVisible();
  const token = page.getByLabel('Mã mời');
  await expect(token).toBeFocused();
  // A second screen of the desk (another tab) follows the queue live, without reloading.
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 1024, height: 768 });
  await other.goto(page.url());
  const waiting = await number(stat(page, 'Đang chờ'));
  const walkInsWaiting = await number(stat(page, 'Trực tiếp đang chờ'));
  const donated = await number(stat(page, 'Đã hiến'));
  const deferred = await number(stat(page, 'Tạm hoãn'));
  await expectNoSidewaysScroll(page);
  await shot(page, '2-desk');

  // An incomplete invitation code: said on the field, nobody checked in.
  await page.keyboard.insertText('pgnlI9YwTt9GNUtchxWYQb');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').getByText('Mã mời chưa đủ: mã gồm 43 ký tự')).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');

  // A booked donor, found by his name typed without diacritics, checked in with Tab and Enter.
  await tabTo(page, page.getByLabel('Tìm người đã đặt lịch'));
  await page.keyboard.type('luong van chien');
  const found = page.getByLabel('Người đã đặt lịch tìm thấy');
  await expect(found.getByText(donor)).toBeVisible();
  await tabTo(page, found.getByRole('button', { name: 'Tiếp nhận' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(new RegExp(`Đã tiếp nhận ${donor} — số thứ tự \\d+`))).toBeVisible();
  await expect(stat(page, 'Đang chờ')).toHaveText(String(waiting + 1));
  await expect(token).toBeFocused();
  expect(checkIns()).toBe(1);
  const queue = page.locator('.ant-card').filter({ hasText: 'Hàng chờ' });
  const his = queue.getByRole('row', { name: new RegExp(donor) });
  await expect(his).toContainText('Đang chờ khám');

  // Screening: a missing weight is said on its field; Enter moves on; Ctrl+Enter sends.
  await tabTo(page, his.getByRole('button', { name: 'Khám sàng lọc' }), 20);
  await page.keyboard.press('Enter');
  const screen = page.getByRole('dialog', { name: new RegExp(`^Khám sàng lọc — \\d+\\. ${donor}$`) });
  await expect(screen.getByLabel('Cân nặng (kg)')).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(screen.getByText('Bắt buộc nhập')).toBeVisible();
  await page.keyboard.type('62');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect(screenings()).toBe(0);
  await expect(screen).toBeVisible();
  await shot(page, '2-screening');
  await page.keyboard.press('Control+Enter');
  await expect(screen).toBeHidden();
  await expect(his).toContainText('Chờ lấy máu');
  expect(screenings()).toBe(1);

  // The donation: the weight measured is there, 350 ml for 62 kg.
  await tabTo(page, his.getByRole('button', { name: 'Ghi hiến máu' }), 20);
  await page.keyboard.press('Enter');
  const give = page.getByRole('dialog', { name: new RegExp(`^Ghi hiến máu — \\d+\\. ${donor}$`) });
  await expect(give.getByLabel('Cân nặng (kg)')).toHaveValue('62');
  await expect(give.getByRole('radio', { name: '350 ml' })).toBeChecked();
  await page.keyboard.press('Control+Enter');
  await expect(give).toBeHidden();
  await expect(his).toHaveCount(0);
  await expect(stat(page, 'Đã hiến')).toHaveText(String(donated + 1));

  // A walk-in: Enter never sends the half-filled form; what is missing is said on each field.
  const walk = page.getByRole('form', { name: 'Người đến trực tiếp' });
  await tabTo(page, walk.getByLabel('Họ và tên'), 20);
  await page.keyboard.insertText(walkIn.name);
  await page.keyboard.press('Enter');
  await expect(walk.getByLabel('Ngày sinh')).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(walk.getByText('Bắt buộc nhập')).toHaveCount(2); // birth date, sex
  expect(checkIns()).toBe(1);
  await page.keyboard.type(walkIn.birth);
  await page.keyboard.press('Enter');
  await expect(walk.getByLabel('Ngày sinh')).toHaveValue(walkIn.birth);
  await tabTo(page, walk.getByLabel('Giới tính'));
  await page.keyboard.press('Enter');
  await expect(openOption(page, 'Nữ')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(walk.getByTitle('Nữ', { exact: true })).toBeVisible();
  await tabTo(page, walk.getByLabel('Điện thoại'));
  await page.keyboard.insertText(walkIn.phone);
  await shot(page, '2-walk-in');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(new RegExp(`Đã tiếp nhận ${walkIn.name} — số thứ tự \\d+`))).toBeVisible();
  expect(checkIns()).toBe(2);
  await expect(stat(page, 'Đang chờ')).toHaveText(String(waiting + 1));
  await expect(stat(page, 'Trực tiếp đang chờ')).toHaveText(String(walkInsWaiting + 1));
  // …and the other screen has it too, by itself.
  await expect(stat(other, 'Trực tiếp đang chờ')).toHaveText(String(walkInsWaiting + 1));
  await expect(other.getByRole('row', { name: new RegExp(walkIn.name) })).toContainText('Đến trực tiếp');
  await other.close();

  // Deferred for her blood pressure: the reason, and the day she may come back, in words.
  const hers = queue.getByRole('row', { name: new RegExp(walkIn.name) });
  await tabTo(page, hers.getByRole('button', { name: 'Khám sàng lọc' }), 20);
  await page.keyboard.press('Enter');
  const screen2 = page.getByRole('dialog', { name: new RegExp(`^Khám sàng lọc — \\d+\\. ${walkIn.name}$`) });
  await expect(screen2.getByLabel('Cân nặng (kg)')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(screen2.getByRole('radio', { name: 'Đủ điều kiện hiến' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(screen2.getByRole('radio', { name: 'Tạm hoãn' })).toBeChecked();
  await page.keyboard.press('Control+Enter');
  await expect(screen2.getByText('Bắt buộc nhập')).toBeVisible(); // the reason
  expect(screenings()).toBe(1);
  await tabTo(page, screen2.getByLabel('Lý do tạm hoãn'));
  await page.keyboard.type('huyet ap');
  await page.keyboard.press('Enter');
  const back = ddmmyyyy(addDays(demoDrive.driveDate, 14));
  await expect(screen2.getByText(`Có thể hiến lại từ ngày ${back}.`)).toBeVisible();
  await shot(page, '2-deferral');
  await page.keyboard.press('Control+Enter');
  await expect(screen2).toBeHidden();
  const notice = page.getByTestId('desk-deferral');
  await expect(notice).toContainText(`Tạm hoãn hiến máu: ${walkIn.name} — Huyết áp không đạt`);
  await expect(notice).toContainText(`Có thể hiến lại từ ngày ${back}.`);
  await expect(stat(page, 'Tạm hoãn')).toHaveText(String(deferred + 1));
  await expect(hers).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await shot(page, '2-desk-after', true);

  // Yesterday's drive: the donor who never came is marked absent, and counted so.
  await page.goto(`/blood/drives/${yesterday.id}`);
  const absent = page.getByRole('row', { name: /Cà Văn Dũng/ });
  await absent.getByRole('button', { name: 'Vắng' }).click();
  await expect(absent).toContainText('Vắng mặt');
  const funnel = page.locator('.ant-card').filter({ hasText: 'Kết quả trực tiếp' });
  await expect(stat(funnel, 'Vắng')).toHaveText('1');

  // Her home page says what she must act on: today's drive leads to its desk; yesterday's, still not closed, is
  // urgent.
  await page.goto('/');
  const todo = page.getByTestId('home-block-blood.drives_to_run');
  await expect(todo.getByRole('link', { name: demoDrive.title })).toHaveAttribute(
    'href',
    `/blood/drives/${demoDrive.id}/desk`,
  );
  await expect(todo.getByRole('link', { name: yesterday.title })).toHaveAttribute(
    'href',
    `/blood/drives/${yesterday.id}`,
  );
  await expect(
    todo.getByText(/^\d+ điểm hiến đã qua ngày nhưng chưa kết thúc — hãy đóng và lập báo cáo$/),
  ).toBeVisible();
  await shot(page, '2-home');
  await page.context().close();
});

test('3. the donor, on his phone, sees his donation, when he may give again and its certificate; books, moves and cancels', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'nguoihien.dienbien', { width: 390, height: 844 });
  // His own page from the menu: an account without grants is offered only its own pages.
  await page.getByRole('button', { name: 'Mở menu' }).click();
  await page.getByRole('menuitem', { name: 'Hiến máu' }).click();
  await page.getByRole('menuitem', { name: 'Hiến máu của tôi' }).click();
  await expect(page.getByRole('heading', { name: 'Hiến máu của tôi' })).toBeVisible();
  const day = ddmmyyyy(demoDrive.driveDate);
  const next = ddmmyyyy(addDays(demoDrive.driveDate, 84));
  // The desk's donation (journey 2) is on it: the next day he may give, and why, in words.
  await expect(page.getByText(`Bạn có thể hiến lại từ ${next}.`)).toBeVisible();
  await expect(
    page.getByText(`Bạn có thể hiến lại từ ${next} — 12 tuần sau lần hiến máu toàn phần ngày ${day}`),
  ).toBeVisible();
  const history = page.locator('.ant-list').filter({ hasText: 'ml · Đã hiến' });
  const latest = history.locator('.ant-list-item').first();
  await expect(latest).toContainText(`${day} · Hội trường Bệnh viện Đa khoa tỉnh Điện Biên`);
  await expect(latest).toContainText('350 ml · Đã hiến');
  // The total he is told is the donations listed (20 by 7/4/2021 in the demo, and this one).
  const count = Number((await page.getByText(/^Bạn đã hiến máu \d+ lần\.$/).innerText()).replace(/\D/g, ''));
  expect(count).toBeGreaterThanOrEqual(21);
  await expect(history.locator('.ant-list-item').filter({ hasText: 'Đã hiến' })).toHaveCount(count);
  await expectNoSidewaysScroll(page);
  await shot(page, '3-my-page-390', true);

  // The certificate of that donation: his name, the day, the site — as a PDF.
  const href = await latest
    .getByRole('link', { name: `Giấy chứng nhận hiến máu ngày ${day}` })
    .getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const text = pdfText(await pdf.body(), '3-certificate-pdf');
  expect(text).toContain('GIẤY CHỨNG NHẬN');
  expect(text).toContain(donor);
  expect(text).toContain(day);
  expect(text).toMatch(/GCNHM-\d{4}-\d{6}-[A-Z2-9]{8}/);

  // The drive planned in journey 1 (after his 12 weeks): booked in a tap, the code shown once.
  const offer = page.locator('.ant-card').filter({ hasText: title });
  await offer.getByRole('button', { name: /^07:30 · còn \d+ chỗ$/ }).click();
  const booked = page.getByRole('dialog', { name: 'Đặt lịch thành công' });
  await expect(booked.locator('code')).toHaveText(/^[A-Za-z0-9_-]{43}$/);
  await expectNoSidewaysScroll(page);
  await booked.getByRole('button', { name: 'Đồng ý' }).click();
  const mine = page.locator('.ant-card').filter({ hasText: title }).filter({ hasText: 'Đã đặt lịch' });
  await expect(mine).toContainText(`${driveDay} · 07:30–08:30`);

  // The health questionnaire: every question must be answered before it is sent.
  await mine.getByRole('button', { name: 'Trả lời câu hỏi sức khỏe' }).click();
  const q = page.getByRole('dialog', { name: 'Câu hỏi sức khỏe trước khi đến' });
  const answer = (question: string, value: 'Có' | 'Không') =>
    q.locator('.ant-form-item').filter({ hasText: question }).getByText(value, { exact: true }).click();
  await answer('Hôm nay bạn thấy khỏe?', 'Có');
  await answer('Đêm qua bạn ngủ đủ giấc?', 'Có');
  await q.getByRole('button', { name: 'Gửi' }).click();
  await expect(q.getByText('Chọn Có hoặc Không')).toHaveCount(4);
  await answer('Bạn đã ăn nhẹ trước khi đến?', 'Có');
  await answer('Trong 2 tuần qua bạn có ốm, sốt?', 'Không');
  await answer('Bạn đang dùng thuốc?', 'Không');
  await answer('Trong 6 tháng qua bạn có xăm hình, xỏ khuyên?', 'Không');
  await expectNoSidewaysScroll(page);
  await shot(page, '3-questionnaire-390');
  await q.getByRole('button', { name: 'Gửi' }).click();
  await expect(q).toBeHidden();
  await expect(mine.getByText('Đã trả lời câu hỏi sức khỏe')).toBeVisible();

  // Another hour, then he cannot come after all.
  await chooseUntil(
    page,
    mine.getByRole('combobox', { name: 'Chọn giờ mới' }),
    /^09:30 · còn \d+ chỗ$/,
    mine.getByText(`${driveDay} · 09:30–10:30`).first(),
  );
  await mine.getByRole('button', { name: 'Huỷ lịch' }).click();
  const cancelled = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/api\/me\/blood\/bookings\/\d+\/cancel$/.test(r.url()),
  );
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /OK|Đồng ý/ })
    .click();
  expect((await cancelled).status()).toBe(200);
  await expect(mine).toHaveCount(0);
  await expect(page.getByText('Bạn chưa đặt lịch nào. Chọn một điểm hiến bên dưới.')).toBeVisible();
  await expect(offer.getByRole('button', { name: /^09:30 · còn \d+ chỗ$/ })).toBeVisible();
  await expectNoSidewaysScroll(page);

  // In English: every word of the page, the reason included, and no untranslated key.
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My blood donations' })).toBeVisible();
  await expect(page.getByText(`You can donate again from ${next}.`)).toBeVisible();
  await expect(
    page.getByText(`You can donate again from ${next} — 12 weeks after your whole-blood donation on ${day}`),
  ).toBeVisible();
  await expect(page.getByText(`You have donated ${count} times.`)).toBeVisible();
  const english = await page.locator('.app-content').innerText();
  expect(english).not.toMatch(/\b(donorSelf|bloodDrives|bloodDonors|bloodClubs)\.[a-zA-Z]/);
  expect(english).not.toMatch(/Bạn |Đã hiến|Lịch sử|Giấy chứng nhận/);
  await expectNoSidewaysScroll(page);
  await shot(page, '3-english-390');
  await page.getByText('VI', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Hiến máu của tôi' })).toBeVisible();
  await page.context().close();
});
