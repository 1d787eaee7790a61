import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { choose, openOption, pageAs, typeDate, vnDay } from './helpers.ts';

// Issue 11, seed 004 end to end. The Department of Science, Technology and Training (cuc.khcndt) reads the
// readiness of the 34 schools on 24/05/2021 and wave 2's fill and documents, then opens a new wave with one topic
// and a quota for the Hải Phòng school; the school's officer (tnv.ydhp) pledges and proposes two volunteers (one
// accepted, one refused for the missing topic), finds only his own volunteers, shares a sign-up link; the
// department deploys the accepted one (and a second wave's overlapping commit is refused); the student (sv.ydhp)
// confirms her assignment; a new student signs up through the link and the officer approves her.
// Journeys share one database in file order: everything here lives in the waves this file creates, apart from
// the student's wave-2 assignment, which the department ends (she came home on 10/06/2021) so she can go again.
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ storageState: { cookies: [], origins: [] }, actionTimeout: 20_000 });

const run = Date.now() % 10_000;
const waveTitle = `Đợt 3 – E2E${run} hỗ trợ Thành phố Hải Phòng`;
const conflictTitle = `Đợt 4 – E2E${run} trùng lịch`;
const school = 'Trường Đại học Y Dược Hải Phòng';
const student = 'Đỗ Thị Hồng Nhung';
const topic = 'Phòng lây nhiễm chéo';
const wave2 = 'Đợt 2 – hỗ trợ Bắc Giang, Bắc Ninh';
const wave2Schools = [
  'Học viện Y Dược học cổ truyền Việt Nam',
  'Trường Đại học Kỹ thuật Y tế Hải Dương',
  'Trường Đại học Y Dược Hải Phòng',
  'Trường Đại học Y Dược Thái Bình',
  'Trường Đại học Điều dưỡng Nam Định',
];
const startsOn = vnDay(20);
const endsOn = vnDay(34);
const iso = (ddmmyyyy: string) => ddmmyyyy.split('/').reverse().join('-');

let waveUrl = '';
let refusedName = '';
let other: { id: number; fullName: string; orgName: string };
let signupUrl = '';

async function shot(page: Page, step: string) {
  await page.waitForTimeout(300); // messages and modals finish their animation
  await page.screenshot({ path: `artifacts/e2e/volunteers-${step}.png`, fullPage: true });
}

async function menu(page: Page, item: string) {
  const entry = page.getByRole('menuitem', { name: item, exact: true });
  if (!(await entry.isVisible())) await page.getByRole('menuitem', { name: 'Tình nguyện viên' }).click();
  await entry.click();
}

function stat(page: Page, title: string): Locator {
  return page
    .locator('.ant-statistic')
    .filter({ has: page.locator('.ant-statistic-title').getByText(title, { exact: true }) })
    .locator('.ant-statistic-content');
}

/** The signed-in page's API, with its CSRF token (for setting up what is not this journey's subject). */
async function api(page: Page) {
  const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
  const request: APIRequestContext = page.request;
  return {
    get: async (url: string) => {
      const r = await request.get(url);
      expect(r.status(), url).toBe(200);
      return r.json();
    },
    post: async (url: string, data: unknown, status = 200) => {
      const r = await request.post(url, { headers: { 'x-csrf-token': csrfToken }, data });
      expect(r.status(), `${url}: ${await r.text()}`).toBe(status);
      return r.json();
    },
  };
}

test('1. the department reads readiness on 24/05/2021, wave 2 and its documents, and opens a new wave', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'cuc.khcndt');

  // Readiness as of the day before wave 2: counts from the dated status history.
  await menu(page, 'Sẵn sàng huy động');
  await expect(stat(page, 'Sẵn sàng')).toBeVisible(); // today's counts first
  await typeDate(page.getByLabel('Tính đến ngày'), '24/05/2021');
  await expect(page).toHaveURL(/asOf=2021-05-24/);
  await expect(
    page.getByRole('heading', { name: 'Sẵn sàng huy động tính đến ngày 24/05/2021' }).first(),
  ).toBeVisible();
  await expect(
    page.getByText(/mỗi tình nguyện viên được tính theo trạng thái .* vào ngày 24\/05\/2021/),
  ).toBeVisible();
  await expect(stat(page, 'Sẵn sàng')).toHaveText('23.888');
  await expect(stat(page, 'Đang điều động')).toHaveText('1.976');
  await expect(stat(page, 'Số cơ sở có tình nguyện viên sẵn sàng')).toHaveText('34');
  await expect(stat(page, 'Số cơ sở có tình nguyện viên đang tham gia')).toHaveText('15');
  await shot(page, '1-readiness-24-05-2021');

  // Wave 2: fill per institution (375) and the two refusals in words.
  await menu(page, 'Đợt huy động');
  await page.getByRole('link', { name: wave2 }).click();
  await page.getByRole('tab', { name: 'Chỉ tiêu & đề cử' }).click();
  const fill = page.locator('.ant-table').first();
  for (const name of wave2Schools)
    await expect(fill.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await expect(fill.locator('.ant-table-summary')).toContainText('375');
  await expect(fill.getByRole('row', { name: new RegExp(school) })).toContainText('110');
  await shot(page, '1-wave2-fill');
  // 377 named (375 accepted, 2 refused), 50 a page: the officer pages through to the refusals.
  const members = page.locator('.ant-card').filter({ hasText: 'Danh sách đề cử' });
  const reasons = [
    /^Trùng lịch với đợt “Đợt 1 – .*” \(\d\d\/\d\d\/2021 – \d\d\/\d\d\/2021\)$/,
    /^Chưa hoàn thành tập huấn “Phòng lây nhiễm chéo”$/,
  ];
  const seen = new Set<number>();
  for (let i = 0; i < 10 && seen.size < reasons.length; i++) {
    for (const [k, re] of reasons.entries())
      if (await members.locator('li').filter({ hasText: re }).count()) {
        seen.add(k);
        await members.locator('li').filter({ hasText: re }).first().scrollIntoViewIfNeeded();
        await shot(page, `1-wave2-refusal-${k + 1}`);
      }
    const next = members.locator('.ant-pagination-next');
    if ((await next.getAttribute('aria-disabled')) === 'true') break;
    await next.click();
  }
  expect([...seen].sort()).toEqual([0, 1]);

  // Documents: the summary XLSX (5 institutions, 375) and the send-off list PDF (names with their diacritics).
  await page.getByRole('tab', { name: 'Văn bản' }).click();
  await expect(page.getByText('Báo cáo tổng hợp')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.locator('a[href$="/summary.xlsx"]').click();
  const xlsxPath = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsxPath);
  const cells: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.text ?? cell.value));
      });
    }),
  );
  for (const name of wave2Schools) expect(cells).toContain(name);
  expect(cells.some((c) => c.replace(/\D/g, '') === '375')).toBe(true);
  const pdfHref = await page.locator('a[href$="/send-off.pdf"]').getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const pdfFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'volunteers-')), 'send-off.pdf');
  writeFileSync(pdfFile, bytes);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).normalize('NFC');
  expect(text).toContain(student);
  await shot(page, '1-wave2-documents');

  // Set-up for later journeys, not their subject: a volunteer of another school (step 2 must not reach them),
  // and the student's wave-2 assignment ended on 10/06/2021 (she came home; she may go again).
  const http = await api(page);
  const others = await http.get('/api/volunteers?q=&pageSize=50');
  other = others.items.find((v: { orgName: string }) => v.orgName !== school);
  expect(other).toBeTruthy();
  const w2 = await http.get('/api/waves/2/assignments');
  const hers = w2.assignments.find((a: { fullName: string }) => a.fullName === student);
  if (hers.status === 'deployed')
    await http.post(`/api/assignments/${hers.id}/end`, {
      on: '2021-06-10',
      kind: 'returned',
      reason: 'Hoàn thành nhiệm vụ, trở về trường',
    });

  // A new wave (draft): basis, dates, Hải Phòng picked from the provinces of the wave's start, a need, a topic,
  // a quota for the Hải Phòng school.
  await menu(page, 'Đợt huy động');
  await page.getByRole('button', { name: 'Tạo đợt huy động' }).click();
  const form = page.getByRole('dialog', { name: 'Tạo đợt huy động' });
  // The organisation pickers are named by their fields' labels.
  const issuer = form.getByRole('combobox', { name: /^(\* )?Đơn vị huy động$/ });
  await issuer.click();
  await issuer.fill('Cục Khoa học');
  await openOption(page, /^Cục Khoa học công nghệ và Đào tạo/).click();
  await form.getByLabel('Tên đợt').fill(waveTitle);
  await choose(page, form.getByLabel('Loại văn bản'), 'Công văn');
  await form.getByLabel('Số văn bản').fill(`${run}/K2ĐT-ĐT`);
  await typeDate(form.getByLabel('Ngày văn bản'), vnDay(0));
  await form.getByLabel('Người ký / người chỉ đạo').fill('Cục trưởng Cục Khoa học công nghệ và Đào tạo');
  await form.getByLabel('Trích yếu').fill('Huy động sinh viên tình nguyện hỗ trợ tiêm chủng tại Hải Phòng');
  // Before a start date there are no provinces to pick: the list is the one in force that day.
  await expect(form.getByText('Chọn ngày bắt đầu trước để có danh sách tỉnh đúng thời điểm')).toBeVisible();
  await typeDate(form.getByLabel('Từ ngày'), startsOn);
  await typeDate(form.getByLabel('Đến ngày'), endsOn);
  await typeDate(form.getByLabel('Hạn gửi danh sách'), vnDay(10));
  await form.getByLabel('Tên địa bàn').fill('Thành phố Hải Phòng');
  const province = form.getByLabel('Tỉnh/thành phố (theo ngày bắt đầu đợt)');
  await province.click();
  await province.fill('hai phong');
  await openOption(page, /^Thành phố Hải Phòng \(\d+\)$/).click();
  await form.getByRole('button', { name: 'Thêm nhu cầu' }).click();
  await choose(page, form.getByLabel('Kỹ năng'), 'Tiêm chủng');
  await form.getByLabel('Số người').fill('3');
  const topics = form.getByLabel('Nội dung tập huấn bắt buộc');
  await topics.click();
  await topics.fill('lay nhiem');
  await openOption(page, new RegExp(`— ${topic}$`)).click();
  await topics.press('Escape');
  const quota = form.getByRole('combobox', { name: /^(\* )?Cơ sở$/ });
  await quota.click();
  await quota.fill('Y Dược Hải Phòng');
  await openOption(page, new RegExp(`^${school}`)).click();
  await form.getByLabel('Chỉ tiêu').fill('3');
  await expect(form.getByText('Tổng chỉ tiêu: 3 / cần 3 người')).toBeVisible();
  await shot(page, '1-new-wave-form');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(
    page.getByText('Đã tạo đợt huy động (nháp). Mở đợt để gửi yêu cầu tới các cơ sở.'),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/waves\/\d+$/);
  waveUrl = new URL(page.url()).pathname;
  await expect(page.getByText(waveTitle).first()).toBeVisible();
  await expect(page.locator('.ant-tag').getByText('Nháp', { exact: true })).toBeVisible();
  await expect(page.getByText(topic).first()).toBeVisible();
  await shot(page, '1-new-wave-draft');

  // Opened: the school is asked.
  await page.getByRole('button', { name: 'Mở đợt, gửi yêu cầu' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Mở đợt|OK|Đồng ý/ })
    .click();
  await expect(page.locator('.ant-tag').getByText('Đang huy động', { exact: true })).toBeVisible();
  await shot(page, '1-new-wave-open');
  await page.context().close();
});

test('2. the school pledges, proposes, sees its own registry only and shares a sign-up link', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'tnv.ydhp');

  // The request on the home page, then in "Yêu cầu huy động".
  await expect(page.getByText(waveTitle).first()).toBeVisible();
  await shot(page, '2-home');
  await menu(page, 'Yêu cầu huy động');
  await expect(page.getByRole('link', { name: waveTitle }).first()).toBeVisible();
  await shot(page, '2-inbox');
  await page.getByRole('link', { name: waveTitle }).first().click();
  await expect(page.getByRole('tab', { name: 'Chỉ tiêu & đề cử', selected: true })).toBeVisible();

  // A number first.
  await page.getByRole('button', { name: 'Trả lời số lượng' }).click();
  const pledge = page.getByRole('dialog', { name: /Cơ sở cam kết số lượng/ });
  await pledge.getByLabel('Số người cơ sở cử được').fill('2');
  await pledge.getByLabel('Ghi chú').fill('Sinh viên năm cuối đang nghỉ hè');
  await pledge.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã gửi số lượng cam kết.')).toBeVisible();
  const own = page
    .locator('.ant-table')
    .first()
    .getByRole('row', { name: new RegExp(school) });
  await expect(own).toContainText('2');

  // Names: the student (trained in the topic) and the first other candidate (not trained).
  await page.getByRole('button', { name: 'Đề cử tình nguyện viên' }).click();
  const propose = page.getByRole('dialog', { name: `Đề cử tình nguyện viên — ${school}` });
  await propose.getByLabel('Kỹ năng đề cử').click();
  await propose.locator('.ant-select-clear').click(); // propose for the wave, not for one skill
  const rows = propose.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const first = rows.filter({ has: page.locator('.ant-tag', { hasText: 'Thiếu 1 nội dung' }) }).first();
  refusedName = (await first.locator('td').nth(1).locator('span').first().innerText()).trim();
  await first.getByRole('checkbox').check();
  await propose.getByRole('searchbox', { name: 'Tìm theo tên' }).fill('do thi hong nhung');
  const her = rows.filter({ hasText: student });
  await expect(her).toHaveCount(1);
  await expect(her.locator('.ant-tag')).toHaveText('Đủ');
  await her.getByRole('checkbox').check();
  await expect(propose.getByText('Đã chọn 2 / còn thiếu 3')).toBeVisible();
  await shot(page, '2-propose');
  await propose.getByRole('button', { name: 'Đề cử 2 người' }).click();
  await expect(page.getByText('Đã đề cử 1 người; 1 người không đủ điều kiện.')).toBeVisible();
  const named = page.locator('.ant-card').filter({ hasText: 'Danh sách đề cử' });
  await expect(named.getByRole('row', { name: new RegExp(student) })).toContainText('Đã đề cử');
  const refused = named.getByRole('row', { name: new RegExp(refusedName) });
  await expect(refused).toContainText('Không đủ điều kiện');
  await expect(refused).toContainText(`Chưa hoàn thành tập huấn “${topic}”`);
  await shot(page, '2-proposed');

  // The registry: only this school's volunteers; a search without diacritics finds her.
  await menu(page, 'Danh sách tình nguyện viên');
  await page.getByRole('searchbox', { name: 'Tìm tình nguyện viên' }).fill('do thi hong nhung');
  await expect(page.getByRole('link', { name: student })).toBeVisible();
  await shot(page, '2-registry-search');
  await page.getByRole('searchbox', { name: 'Tìm tình nguyện viên' }).fill(other.fullName);
  await expect(page.getByText(other.orgName)).toHaveCount(0);
  // Another school's volunteer: not found, as if there were none.
  await page.goto(`/volunteers/${other.id}`);
  await expect(page.getByText('Không tìm thấy trang')).toBeVisible();
  await expect(page.getByText(other.fullName)).toHaveCount(0);
  await shot(page, '2-other-school-not-found');

  // A sign-up link for new students.
  await menu(page, 'Đăng ký chờ duyệt');
  const links = page.getByTestId('signup-links');
  await links.getByRole('button', { name: 'Tạo liên kết' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo liên kết' });
  const org = dialog.getByRole('combobox', { name: /^(\* )?Cơ sở$/ });
  await org.click();
  await org.fill('Y Dược Hải Phòng');
  await openOption(page, new RegExp(`^${school}( — |$)`)).click();
  await dialog.getByLabel('Tiêu đề').fill(`Tình nguyện viên hè E2E${run}`);
  await typeDate(dialog.getByLabel('Hết hạn ngày'), vnDay(30));
  await dialog.getByRole('button', { name: 'Tạo liên kết' }).click();
  signupUrl = (await page.getByTestId('signup-link-url').innerText()).trim();
  expect(signupUrl).toMatch(/\/volunteer-signup\/[A-Za-z0-9_-]{43}$/);
  await shot(page, '2-signup-link');
  await page.getByRole('button', { name: 'Tôi đã lưu liên kết' }).click();
  await page.context().close();
});

test('3. the department deploys the accepted student; an overlapping commit elsewhere is refused', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'cuc.khcndt');
  const waveId = Number(waveUrl.split('/').pop());

  // Set-up, not this journey's subject: a second wave on overlapping days, opened, where she is proposed too
  // (before either commit, both proposals are fine).
  const http = await api(page);
  const wave = await http.get(`/api/waves/${waveId}`);
  const second = await http.post(
    '/api/waves',
    {
      issuerOrgId: wave.issuerOrgId,
      title: conflictTitle,
      basisKind: 'order',
      basisDate: iso(vnDay(0)),
      basisSigner: 'Cục trưởng Cục Khoa học công nghệ và Đào tạo',
      startsOn: iso(vnDay(25)),
      endsOn: iso(vnDay(40)),
      destinations: [{ name: 'Thành phố Hải Phòng', adminUnitCode: wave.destinations[0].adminUnitCode }],
      quotas: [{ orgId: wave.quotas[0].orgId, quota: 2 }],
    },
    201,
  );
  await http.post(`/api/waves/${second.id}/open`, { version: second.version });
  const candidates = await http.get(
    `/api/waves/${second.id}/candidates?orgId=${wave.quotas[0].orgId}&q=${encodeURIComponent(student)}`,
  );
  await http.post(`/api/waves/${second.id}/members`, {
    orgId: wave.quotas[0].orgId,
    profileIds: [candidates.items[0].profileId],
  });

  // The new wave's deployment: choose her, where and what, commit.
  await page.goto(`${waveUrl}?tab=deployment`);
  const ready = page.locator('.ant-table').filter({ hasText: student });
  await ready
    .getByRole('row', { name: new RegExp(student) })
    .getByRole('checkbox')
    .check();
  await choose(page, page.getByLabel('Nơi đến'), 'Thành phố Hải Phòng');
  await page.getByLabel('Địa điểm cụ thể').fill('Trung tâm Kiểm soát bệnh tật thành phố Hải Phòng');
  await page.getByLabel('Nhiệm vụ').fill('Hỗ trợ tiêm chủng');
  await page.getByRole('button', { name: 'Điều động người đã chọn' }).click();
  await expect(page.getByText('Đã điều động 1 tình nguyện viên.')).toBeVisible();
  const list = page.locator('.ant-table').filter({ hasText: 'Trung tâm Kiểm soát bệnh tật' });
  await expect(list.getByRole('row', { name: new RegExp(student) })).toContainText(`${startsOn} – ${endsOn}`);
  await shot(page, '3-deployed');

  // The second wave: the same commit collides, nothing is saved, each colliding person's line says with what.
  await page.goto(`/waves/${second.id}?tab=deployment`);
  await page
    .getByRole('row', { name: new RegExp(student) })
    .getByRole('checkbox')
    .check();
  await choose(page, page.getByLabel('Nơi đến'), 'Thành phố Hải Phòng');
  await page.getByRole('button', { name: 'Điều động người đã chọn' }).click();
  await expect(
    page.getByText(/Có người trùng thời gian với phân công khác: chưa điều động ai/),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(student) })).toContainText(
    `Trùng với ${waveTitle} (${startsOn} – ${endsOn})`,
  );
  await expect(page.getByRole('button', { name: 'Điều động vượt quy tắc…' })).toBeVisible();
  await expect(page.getByText('Chưa điều động ai trong đợt này.')).toBeVisible();
  await shot(page, '3-overlap-refused');
  await page.context().close();
});

test('4. the student sees her new assignment and confirms it', async ({ browser }) => {
  const page = await pageAs(browser, 'sv.ydhp');
  await menu(page, 'Hoạt động tình nguyện của tôi');
  const mine = page.getByTestId('my-assignments');
  const item = mine.locator('.ant-list-item').filter({ hasText: waveTitle });
  await expect(item).toContainText('Trung tâm Kiểm soát bệnh tật thành phố Hải Phòng');
  await expect(item).toContainText(startsOn);
  await expect(mine.locator('.ant-list-item').filter({ hasText: wave2 })).toContainText('Đã trở về');
  await shot(page, '4-my-assignment');
  await item.getByRole('button', { name: 'Xác nhận tham gia' }).click();
  await expect(page.getByText('Đã xác nhận phân công')).toBeVisible();
  await expect(item).toContainText('Đã xác nhận lúc');
  await expect(item.getByRole('button', { name: 'Xác nhận tham gia' })).toHaveCount(0);
  await shot(page, '4-confirmed');
  await page.context().close();
});

test('5. a student signs up through the link and the school approves her', async ({ browser }) => {
  const phone = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    viewport: { width: 390, height: 844 },
  });
  const anon = await phone.newPage();
  await anon.goto(signupUrl);
  await expect(anon.getByTestId('signup-institution')).toHaveText(`Đăng ký với ${school}`);
  // Names hold no digits: a given name picked by the run keeps reruns on one database apart.
  const given = ['Tuyết', 'Ngọc', 'Hạnh', 'Phương', 'Quỳnh', 'Thảo', 'Diệp', 'Yến', 'Trâm', 'Giang'][
    run % 10
  ];
  const name = `Lê Thị Ánh ${given}`;
  await anon.getByLabel('Họ và tên').fill(name);
  await typeDate(anon.getByLabel('Ngày sinh'), '12/09/2004');
  await anon.getByLabel('Số điện thoại').fill('0912 345 678');
  await choose(anon, anon.getByLabel('Bạn là'), 'Sinh viên');
  await anon.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await expect(anon.getByText('Cần đồng ý cho phép liên hệ và xử lý dữ liệu cá nhân')).toBeVisible();
  await anon.getByText('Tôi đã đọc và đồng ý').click();
  await anon.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await expect(anon.getByText('Đã gửi đăng ký')).toBeVisible();
  await anon.screenshot({ path: 'artifacts/e2e/volunteers-5-signup-390.png', fullPage: true });
  await phone.close();

  const page = await pageAs(browser, 'tnv.ydhp');
  await menu(page, 'Đăng ký chờ duyệt');
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await shot(page, '5-pending');
  await row.getByRole('button', { name: 'Duyệt' }).click();
  await expect(page.getByText(`Đã duyệt: ${name} đã có trong sổ tình nguyện viên`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await menu(page, 'Danh sách tình nguyện viên');
  await page
    .getByRole('searchbox', { name: 'Tìm tình nguyện viên' })
    .fill(name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  await expect(page.getByRole('link', { name })).toBeVisible();
  await shot(page, '5-approved-in-registry');
  await page.context().close();
});
