import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type APIRequestContext,
  type Browser,
  expect,
  type Locator,
  type Page,
  request,
  test,
} from '@playwright/test';
import ExcelJS from 'exceljs';
import { clickOptionUntil, DEMO_PASSWORD } from './helpers.ts';

// Issue 3, the parts of the plans UI the first journeys leave out: editing a draft, amending an issued plan,
// a recipient's implementing plan, attachments, activity results, the notification bell and the Excel
// upload. Each journey drafts its own plan through the API (as the federation would through the form, which
// plans.spec.ts covers) and then does the part under test in the browser, so no journey needs another's data.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ timeout: 180_000 });

const stamp = Date.now();
const federation = 'Liên đoàn Lao động tỉnh Điện Biên';
const health = 'Công đoàn ngành Y tế tỉnh Điện Biên';
const education = 'Công đoàn ngành Giáo dục tỉnh Điện Biên';
/** Screenshots to read the screens by eye, in both languages (besides Playwright's own per test). */
const shots = path.resolve(import.meta.dirname, '..', 'artifacts', 'explore2');

type Json = Record<string, unknown>;
const apiSessions: APIRequestContext[] = [];
test.afterEach(async () => {
  for (const http of apiSessions.splice(0)) await http.dispose();
});
type Plan = {
  id: number;
  number: string;
  version: number;
  issuerOrgId: number;
  /** The first recipients (the demo plans have a handful); the rest are a page away. */
  recipients: { orgId: number; orgName: string; role: string }[];
  indicators: { id: number; code: string }[];
  activities: { id: number; title: string }[];
};

/** A signed-in API session (cookie + CSRF token), for the steps a journey only needs as its setting. */
class Api {
  readonly http: APIRequestContext;
  readonly csrf: string;

  constructor(http: APIRequestContext, csrf: string) {
    this.http = http;
    this.csrf = csrf;
  }

  static async as(username: string): Promise<Api> {
    const http = await request.newContext({ baseURL: test.info().project.use.baseURL });
    apiSessions.push(http);
    const res = await http.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
    expect(res.status(), await res.text()).toBe(200);
    const me = (await res.json()) as { csrfToken: string };
    return new Api(http, me.csrfToken);
  }

  async call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: Json): Promise<T> {
    const res = await this.http.fetch(url, { method, data, headers: { 'x-csrf-token': this.csrf } });
    expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  }
}

/** Organisation ids by name, read from the demo guidance 45/HD-LĐLĐ the federation sends to its unions. */
async function dienBienOrgs(api: Api) {
  const list = await api.call<{ id: number; number: string }[]>('GET', '/api/plans');
  const demo = list.find((p) => p.number === '45/HD-LĐLĐ')!;
  const plan = await api.call<Plan>('GET', `/api/plans/${demo.id}`);
  const id = (name: string) => plan.recipients.find((r) => r.orgName === name)!.orgId;
  return { federation: plan.issuerOrgId, health: id(health), education: id(education) };
}

let serial = 0;
/** A draft of the federation's, with one indicator and the health union reporting. */
async function draftPlan(api: Api, extra: Json = {}): Promise<Plan> {
  const orgs = await dienBienOrgs(api);
  serial += 1;
  return api.call<Plan>('POST', '/api/plans', {
    issuerOrgId: orgs.federation,
    kind: 'plan',
    number: `KT${String(stamp).slice(-5)}-${serial}/KH-LĐLĐ`,
    title: `Kế hoạch kiểm thử ${stamp}-${serial}`,
    issuedOn: '2024-01-05',
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    reportPeriodType: 'once',
    reportDueOn: '2024-12-31',
    reporterOrgIds: [orgs.health],
    indicators: [{ code: 'DV_MAU', name: 'Đơn vị máu tiếp nhận', unit: 'đơn vị', kind: 'count' }],
    ...extra,
  });
}

async function issue(api: Api, plan: Plan): Promise<Plan> {
  return api.call<Plan>('POST', `/api/plans/${plan.id}/issue`, { version: plan.version });
}

/** A browser signed in as `username` (the sign-in form itself is covered by auth.setup.ts). */
async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const res = await context.request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(200);
  const me = (await res.json()) as { csrfToken: string; user: { locale: string } };
  // A journey that stopped half-way in English must not leave this account in English.
  if (me.user.locale !== 'vi') {
    const patched = await context.request.patch('/api/auth/me', {
      data: { locale: 'vi' },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(patched.ok()).toBe(true);
  }
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /^Xin chào/ })).toBeVisible();
  return page;
}

async function openPlan(page: Page, plan: Plan, tab?: string) {
  await page.goto(`/plans/${plan.id}`);
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  if (tab) await page.getByRole('tab', { name: tab }).click();
}

async function fillDate(scope: Page | Locator, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** An option of the open drop-down, by the title antd gives it: its label. */
function option(page: Page, title: string | RegExp) {
  return page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle(title, { exact: true });
}

/**
 * Types into an organisation picker and chooses the organisation by its exact name. Options are titled
 * "name — parent", so a unit whose parent has that name is never taken for it.
 */
async function pickOrg(page: Page, scope: Page | Locator, picker: string, search: string, name: string) {
  await scope.getByRole('combobox', { name: picker }).fill(search);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await clickOptionUntil(
    option(page, new RegExp(`^${escaped}( — .*)?$`)),
    scope.getByRole('button', { name: `Xoá ${name}` }),
  );
}

async function chooseOption(page: Page, select: Locator, label: string) {
  await select.click();
  await option(page, label).click();
  // A choice closes the list; clicking the option already chosen while the list still opens can leave it
  // open over the buttons below, and Escape closes it, keeping the choice.
  if ((await select.getAttribute('aria-expanded')) === 'true') await select.press('Escape');
  await expect(select).toHaveAttribute('aria-expanded', 'false');
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function switchLanguage(page: Page, to: 'EN' | 'VI') {
  await page.getByText(to, { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: to === 'EN' ? 'Organisations' : 'Tổ chức' })).toBeVisible();
}

test('the federation edits its draft: a disaggregated indicator and an activity are added', async ({
  browser,
}) => {
  const api = await Api.as('ldld.dienbien');
  const plan = await draftPlan(api);
  const page = await as(browser, 'ldld.dienbien');
  await openPlan(page, plan);
  await page.getByRole('button', { name: 'Sửa dự thảo' }).click();
  await expect(page.getByRole('heading', { name: `Sửa dự thảo ${plan.number}` })).toBeVisible();
  await expect(page.getByLabel('Đơn vị ban hành')).toBeDisabled();
  const title = `Kế hoạch kiểm thử đã sửa ${stamp}`;
  await page.getByLabel('Trích yếu nội dung').fill(title);

  // The recipients a page at a time, each removable; a unit to add is picked by its name.
  const current = page.getByRole('row').filter({ hasText: health });
  await current.getByRole('button', { name: `Bỏ ${health}` }).click();
  await expect(current).toContainText('Sẽ bỏ khi lưu');
  await pickOrg(page, page, 'Gõ tên đơn vị phải báo cáo để thêm', 'nganh giao duc dien bien', education);

  await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const indicator = page.getByRole('group', { name: 'Chỉ tiêu 2' });
  await indicator.getByLabel('Mã', { exact: true }).fill('NGUOI_HM');
  await indicator.getByLabel('Tên chỉ tiêu').fill('Người hiến máu');
  await indicator.getByLabel('Đơn vị tính').fill('người');
  await indicator.getByRole('button', { name: 'Thêm phân tổ' }).click();
  await indicator.getByLabel('Phân tổ theo').fill('Giới tính');
  await indicator.getByLabel('Mã nhóm 1').fill('NAM');
  await indicator.getByLabel('Tên nhóm 1').fill('Nam');
  await indicator.getByLabel('Mã nhóm 2').fill('NU');
  await indicator.getByLabel('Tên nhóm 2').fill('Nữ');

  await page.getByRole('button', { name: 'Thêm hoạt động' }).click();
  const activity = page.getByRole('group', { name: 'Hoạt động 1' });
  await activity.getByLabel('Tên hoạt động').fill('Tập huấn tuyên truyền viên hiến máu');
  await chooseOption(page, activity.getByLabel('Loại hoạt động'), 'Tập huấn');
  await pickOrg(page, activity, 'Gõ tên đơn vị chủ trì để chọn', 'nganh y te dien bien', health);
  await activity.getByRole('button', { name: 'Thêm kết quả đầu ra' }).click();
  await chooseOption(page, activity.getByLabel('Nội dung 1'), 'Số người tham gia');
  await activity.getByLabel('Kế hoạch 1').fill('50');
  await shot(page, 'edit-draft-form');

  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByText('Đã lưu thay đổi')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'NGUOI_HM' });
  await expect(row).toContainText('Người hiến máu');
  await expect(row).toContainText('Phân tổ: Giới tính');
  await expect(page.getByRole('row').filter({ hasText: education })).toContainText('Phải báo cáo');
  await expect(page.getByRole('row').filter({ hasText: health })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Hoạt động' }).click();
  const line = page.getByRole('row').filter({ hasText: 'Tập huấn tuyên truyền viên hiến máu' });
  await expect(line).toContainText(health);
  await expect(line).toContainText('Số người tham gia: 50 → chưa báo cáo');

  // Editing again: the stored activity comes back once, and a change to it is saved, not duplicated.
  await page.getByRole('button', { name: 'Sửa dự thảo' }).click();
  await expect(page.getByRole('group', { name: /^Hoạt động \d$/ })).toHaveCount(1);
  const again = page.getByRole('group', { name: 'Hoạt động 1' });
  await expect(again.getByLabel('Tên hoạt động')).toHaveValue('Tập huấn tuyên truyền viên hiến máu');
  await again.getByLabel('Tên hoạt động').fill('Tập huấn tuyên truyền viên hiến máu cấp cơ sở');
  await again.getByLabel('Kế hoạch 1').fill('60');
  await expect(page.getByRole('group', { name: 'Chỉ tiêu 2' }).getByLabel('Tên nhóm 2')).toHaveValue('Nữ');
  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByText('Đã lưu thay đổi')).toBeVisible();
  await page.getByRole('tab', { name: 'Hoạt động' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Tập huấn tuyên truyền viên' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'cấp cơ sở' })).toContainText('Số người tham gia: 60');
  await page.context().close();
});

test('the federation amends an issued plan; the revision reads as sentences in both languages', async ({
  browser,
}) => {
  const api = await Api.as('ldld.dienbien');
  const plan = await issue(api, await draftPlan(api));
  const page = await as(browser, 'ldld.dienbien');
  await openPlan(page, plan);
  await page.getByRole('button', { name: 'Điều chỉnh' }).click();
  const dialog = page.getByRole('dialog', { name: `Điều chỉnh ${plan.number}` });
  // The reason is required: nothing is sent without it, or with a word or two.
  await dialog.getByRole('button', { name: 'Điều chỉnh' }).click();
  await expect(dialog.getByText('Bắt buộc nhập')).toBeVisible();
  await dialog.getByLabel('Lý do điều chỉnh').fill('Sửa');
  await dialog.getByRole('button', { name: 'Điều chỉnh' }).click();
  await expect(dialog.getByText('Cần ghi lý do điều chỉnh')).toBeVisible();

  await dialog.getByLabel('Số văn bản điều chỉnh').fill('27/QĐ-LĐLĐ');
  await dialog
    .getByLabel('Lý do điều chỉnh')
    .fill('Tổng kết sớm để kịp báo cáo Tổng Liên đoàn; bổ sung Công đoàn ngành Giáo dục.');
  await fillDate(dialog, 'Ngày kết thúc mới', '30/11/2024');
  await pickOrg(page, dialog, 'Gõ tên đơn vị phải báo cáo để thêm', 'nganh giao duc dien bien', education);
  await dialog.getByRole('button', { name: 'Điều chỉnh' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Đã điều chỉnh kế hoạch')).toBeVisible();
  await expect(page.getByText('01/01/2024 – 30/11/2024').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Văn bản điều chỉnh (1)' }).click();
  await expect(page.getByText(/^Điều chỉnh lần 1 ngày \d\d\/\d\d\/\d{4}$/)).toBeVisible();
  await expect(page.getByText('— theo văn bản số 27/QĐ-LĐLĐ')).toBeVisible();
  const changes = page.getByRole('list', { name: 'Nội dung thay đổi' });
  await expect(changes.getByRole('listitem')).toHaveText([
    'Ngày kết thúc: 31/12/2024 → 30/11/2024',
    `Bổ sung đơn vị báo cáo: ${education}`,
  ]);
  await shot(page, 'revisions-vi');

  await switchLanguage(page, 'EN');
  await page.getByRole('tab', { name: 'Amendments (1)' }).click();
  await expect(page.getByRole('list', { name: 'What changed' }).getByRole('listitem')).toHaveText([
    'End date: 31/12/2024 → 30/11/2024',
    `Reporting units added: ${education}`,
  ]);
  await shot(page, 'revisions-en');
  await switchLanguage(page, 'VI');
  await page.context().close();
});

test('a recipient drafts its implementing plan in one click, edits and issues it', async ({ browser }) => {
  const parks = 'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh';
  const page = await as(browser, 'admin');
  await page.getByRole('menuitem', { name: 'Kế hoạch & báo cáo' }).click();
  await page.getByRole('link', { name: '2489/QĐ-UBND', exact: true }).click();
  await page.getByRole('button', { name: 'Xây dựng kế hoạch thực hiện' }).click();
  const dialog = page.getByRole('dialog', { name: 'Xây dựng kế hoạch thực hiện' });
  await chooseOption(page, dialog.getByLabel('Đơn vị ban hành kế hoạch thực hiện'), parks);
  await dialog.getByRole('button', { name: 'Tạo' }).click();

  const title = 'Thực hiện Chương trình số 2489/QĐ-UBND của Ủy ban nhân dân tỉnh Bắc Ninh';
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByText('Dự thảo', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /^2489\/QĐ-UBND — / })).toBeVisible();
  // Its own units report to it; the parent's indicators come along.
  await expect(page.getByRole('row').filter({ hasText: 'Công ty TNHH Điện tử Quế Võ' })).toContainText(
    'Phải báo cáo',
  );
  await expect(page.getByRole('row').filter({ hasText: 'HL_ATVSLD' })).toBeVisible();
  await shot(page, 'implement-draft');

  const number = `${String(stamp).slice(-4)}/KH-BQLKCN`;
  await page.getByRole('button', { name: 'Sửa dự thảo' }).click();
  await expect(page.getByLabel('Số, ký hiệu')).toHaveValue(`…/KH (${parks})`);
  await page.getByLabel('Số, ký hiệu').fill(number);
  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByText('Đã lưu thay đổi')).toBeVisible();
  await expect(page.getByText(`${parks} · Kế hoạch ${number}`)).toBeVisible();
  // Saving the form keeps the link to the programme it implements and the disaggregation it inherited.
  await expect(page.getByRole('link', { name: /^2489\/QĐ-UBND — / })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'HL_ATVSLD' })).toContainText(
    'Phân tổ: Nhóm huấn luyện',
  );

  await page.getByRole('button', { name: 'Ban hành' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Ban hành' }).click();
  await expect(page.getByText('Đã ban hành', { exact: true }).first()).toBeVisible();

  await page.getByRole('link', { name: /^2489\/QĐ-UBND — / }).click();
  await expect(page.getByRole('listitem').filter({ hasText: number })).toContainText(parks);
  await page.context().close();
});

test('the federation attaches the signed PDF, downloads it, is refused an .exe and removes the PDF', async ({
  browser,
}) => {
  const api = await Api.as('ldld.dienbien');
  const plan = await draftPlan(api);
  const page = await as(browser, 'ldld.dienbien');
  await openPlan(page, plan, 'Tệp đính kèm');
  const pdfName = 'Kế hoạch đã ký.pdf';
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  const attach = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /Tải tệp lên/ }).click();
    await (await chooser).setFiles(file);
  };

  await attach({ name: pdfName, mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByText(`Đã tải lên ${pdfName}`)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: pdfName });
  await expect(row).toContainText('Lò Văn Hùng');

  const download = page.waitForEvent('download');
  await row.getByRole('link', { name: `Tải về ${pdfName}` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(pdfName);
  expect((await readFile(await file.path())).equals(pdf)).toBe(true);

  await attach({
    name: 'cai-dat.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode.', 'latin1'),
  });
  const refused = page.getByRole('alert').filter({ hasText: 'Tệp chưa được đính kèm' });
  await expect(refused).toContainText(
    'Không nhận tệp .exe (“cai-dat.exe”): chỉ nhận PDF, Word (.docx), Excel (.xlsx) và ảnh (PNG, JPEG, GIF, WEBP).',
  );
  await expect(page.getByRole('row').filter({ hasText: 'cai-dat.exe' })).toHaveCount(0);
  await shot(page, 'attachments');

  await row.getByRole('button', { name: `Xoá ${pdfName}` }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Xoá' }).click();
  await expect(page.getByText('Đã xoá tệp')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: pdfName })).toHaveCount(0);
  await expect(page.getByText('Chưa có tệp đính kèm.', { exact: false })).toBeVisible();
  await page.context().close();
});

test('the lead unit reports the results of its activity against the plan', async ({ browser }) => {
  const api = await Api.as('ldld.dienbien');
  const orgs = await dienBienOrgs(api);
  const activity = 'Hiến máu tình nguyện tại Bệnh viện Đa khoa tỉnh';
  const plan = await issue(
    api,
    await draftPlan(api, {
      activities: [
        {
          type: 'campaign_event',
          title: activity,
          leadOrgId: orgs.health,
          partnerOrgIds: [orgs.federation],
          startsOn: '2024-04-07',
          endsOn: '2024-04-07',
          outputs: [
            { metric: 'events', planned: 2 },
            { metric: 'participants', planned: 100 },
          ],
        },
      ],
    }),
  );
  const page = await as(browser, 'nhaplieu.ytedb');
  await openPlan(page, plan, 'Hoạt động');
  const row = page.getByRole('row').filter({ hasText: activity });
  await expect(row).toContainText(federation);
  await expect(row).toContainText('Số cuộc, sự kiện: 2 → chưa báo cáo');
  await row.getByRole('button', { name: 'Báo cáo kết quả' }).click();
  const dialog = page.getByRole('dialog', { name: `Báo cáo kết quả: ${activity}` });
  await dialog.getByLabel('Số cuộc, sự kiện (Kế hoạch: 2)').fill('3');
  await dialog.getByLabel('Số người tham gia (Kế hoạch: 100)').fill('85');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Đã lưu kết quả thực hiện')).toBeVisible();
  await expect(row).toContainText('Số cuộc, sự kiện: 2 → 3 (150%)');
  await expect(row).toContainText('Số người tham gia: 100 → 85 (85%)');
  await shot(page, 'activity-actuals');
  await switchLanguage(page, 'EN');
  await expect(row).toContainText('Participants: 100 → 85 (85%)');
  await shot(page, 'activity-actuals-en');
  await switchLanguage(page, 'VI');
  await page.context().close();
});

test('the bell tells the clerk that a report was returned and opens it', async ({ browser }) => {
  const federationApi = await Api.as('ldld.dienbien');
  const orgs = await dienBienOrgs(federationApi);
  const plan = await issue(federationApi, await draftPlan(federationApi));
  const clerk = await Api.as('nhaplieu.ytedb');
  const report = await clerk.call<{ id: number; version: number }>('POST', `/api/plans/${plan.id}/reports`, {
    orgId: orgs.health,
    periodKey: 'once',
    version: 0,
    submit: true,
    values: [{ indicatorId: plan.indicators[0]!.id, value: 150 }],
  });
  await clerk.call('POST', '/api/notifications/read-all');
  const comment = 'Thiếu biên bản tiếp nhận máu, đề nghị bổ sung';
  await federationApi.call('POST', `/api/plans/${plan.id}/reports/${report.id}/review`, {
    version: report.version,
    decision: 'return',
    comment,
  });

  const page = await as(browser, 'nhaplieu.ytedb');
  const bell = page.getByRole('button', { name: 'Thông báo: 1 thông báo chưa đọc' });
  await expect(bell).toBeVisible();
  await bell.click();
  const notice = page.getByRole('button', { name: new RegExp(`Báo cáo bị trả lại: ${plan.number}`) });
  await expect(notice).toContainText(comment);
  await shot(page, 'bell');
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`/plans/${plan.id}/report\\?orgId=${orgs.health}&period=once$`));
  await expect(page.getByRole('heading', { name: `Báo cáo của ${health}` })).toBeVisible();
  await expect(page.getByText('Báo cáo bị trả lại để sửa')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Báo cáo bị trả lại để sửa' })).toContainText(
    comment,
  );
  await expect(page.getByRole('button', { name: 'Thông báo', exact: true })).toBeVisible();
  await page.context().close();
});

/** Fills the template's first unit line: { code: value } by the bracketed column codes of the header. */
async function fillTemplate(source: string, target: string, values: Record<string, number | string>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.getWorksheet('Báo cáo')!;
  const header = ws.getRow(4);
  for (const [code, value] of Object.entries(values)) {
    let col = 0;
    header.eachCell((cell, n) => {
      if (String(cell.value).endsWith(`[${code}]`)) col = n;
    });
    expect(col, `column [${code}]`).toBeGreaterThan(0);
    ws.getRow(5).getCell(col).value = value;
  }
  await wb.xlsx.writeFile(target);
}

test('a unit uploads its filled Excel template: a wrong line is named and nothing saved, then it saves', async ({
  browser,
}) => {
  const api = await Api.as('ldld.dienbien');
  const plan = await issue(
    api,
    await draftPlan(api, {
      indicators: [
        { code: 'DV_MAU', name: 'Đơn vị máu tiếp nhận', unit: 'đơn vị', kind: 'count' },
        {
          code: 'TL_HM',
          name: 'Đoàn viên tham gia hiến máu',
          kind: 'ratio',
          numeratorLabel: 'Số đoàn viên hiến máu',
          denominatorLabel: 'Tổng số đoàn viên',
        },
      ],
    }),
  );
  const page = await as(browser, 'nhaplieu.ytedb');
  await page.getByRole('menuitem', { name: 'Báo cáo phải nộp' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: plan.number })
    .getByRole('button', { name: /Nhập báo cáo/ })
    .click();
  await expect(page.getByRole('heading', { name: `Báo cáo của ${health}` })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải mẫu Excel' }).click();
  const template = await (await download).path();
  const bad = test.info().outputPath('bieu-mau-sai.xlsx');
  const good = test.info().outputPath('bieu-mau-dung.xlsx');
  await fillTemplate(template, bad, { DV_MAU: 120, TL_HM: 300, 'TL_HM:MS': 250 });
  await fillTemplate(template, good, { DV_MAU: 120, TL_HM: 300, 'TL_HM:MS': 1200 });

  const upload = async (file: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('dialog').getByText('Bấm hoặc kéo tệp .xlsx vào đây').click();
    await (await chooser).setFiles(file);
  };
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập báo cáo từ tệp Excel' });
  await upload(bad);
  await expect(dialog.getByText('Tệp có 1 lỗi, chưa lưu dòng nào.')).toBeVisible();
  const issue1 = dialog.getByRole('row').filter({ hasText: 'tử số (300) lớn hơn mẫu số (250)' });
  await expect(issue1.getByRole('cell').nth(0)).toHaveText('5');
  await expect(issue1.getByRole('cell').nth(1)).toHaveText('TL_HM');
  await shot(page, 'upload-error');
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  // Nothing was saved: the form is still empty.
  await expect(page.getByLabel('Đơn vị máu tiếp nhận')).toHaveValue('');

  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  await upload(good);
  await expect(page.getByText('Đã nhập 1 báo cáo, nộp 0')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Đơn vị máu tiếp nhận')).toHaveValue('120');
  // Read back written the Vietnamese way (the NumberField formats what it shows).
  await expect(page.getByLabel('Tổng số đoàn viên')).toHaveValue('1.200');
  await expect(page.getByText('Tỷ lệ: 25%')).toBeVisible();
  await expect(page.getByText('Đang soạn', { exact: true })).toBeVisible();
  await page.context().close();
});
