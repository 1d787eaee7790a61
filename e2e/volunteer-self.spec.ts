import { expect, test } from '@playwright/test';
import { openOption, signIn, typeDate, vnDay } from './helpers.ts';

const institution = 'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh';

/**
 * Issue 11, capability 7: an officer shares a sign-up link; a student signs up on her phone; the officer approves
 * her into the registry and gives her a sign-in; she sees only her own page and declares she is ready.
 */
test('a volunteer signs up through a link, is approved, signs in and declares she is ready', async ({
  page,
  browser,
}) => {
  // The officer (here the administrator) creates a link: its full URL is shown once.
  await page.goto('/volunteers/applications');
  const links = page.getByTestId('signup-links');
  await links.getByRole('button', { name: 'Tạo liên kết' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo liên kết' });
  const org = dialog.getByRole('combobox', { name: /^(\* )?Cơ sở$/ });
  await org.click();
  await org.fill('Khu công nghiệp tỉnh Bắc Ninh');
  await openOption(page, new RegExp(`^${institution}( — |$)`)).click();
  await dialog.getByLabel('Tiêu đề').fill('Sinh viên tình nguyện chống dịch');
  await typeDate(dialog.getByLabel('Hết hạn ngày'), vnDay(30));
  await dialog.getByRole('button', { name: 'Tạo liên kết' }).click();
  const url = (await page.getByTestId('signup-link-url').innerText()).trim();
  expect(url).toMatch(/\/volunteer-signup\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('dialog', { name: 'Đã tạo liên kết đăng ký' })).toBeVisible();
  await page.waitForTimeout(400); // the modal's opening animation
  await page.screenshot({ path: 'artifacts/e2e/volunteer-signup-link.png' });
  await page.getByRole('button', { name: 'Tôi đã lưu liên kết' }).click();

  // The student, on her phone, without an account.
  const phone = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    viewport: { width: 390, height: 844 },
  });
  const student = await phone.newPage();
  await student.goto(url);
  await expect(student.getByTestId('signup-institution')).toHaveText(`Đăng ký với ${institution}`);
  await student.getByLabel('Họ và tên').fill('Trần Thu Hà');
  await typeDate(student.getByLabel('Ngày sinh'), '05/03/2003');
  await student.getByLabel('Số điện thoại').fill('0913 222 333');
  await student.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await expect(student.getByText('Cần đồng ý cho phép liên hệ và xử lý dữ liệu cá nhân')).toBeVisible();
  await student.getByText('Tôi đã đọc và đồng ý').click();
  await student.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await expect(student.getByText('Đã gửi đăng ký')).toBeVisible();
  await student.screenshot({ path: 'artifacts/e2e/volunteer-signup-done-390.png', fullPage: true });
  await phone.close();

  // The officer approves her: she enters the registry.
  await page.reload();
  const row = page.getByRole('row', { name: /Trần Thu Hà/ });
  await row.getByRole('button', { name: 'Duyệt' }).click();
  await expect(page.getByText('Đã duyệt: Trần Thu Hà đã có trong sổ tình nguyện viên')).toBeVisible();
  await expect(row).toHaveCount(0);

  // Her sign-in (the registry's detail page offers the button; its API here).
  const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
  const approved = await (await page.request.get('/api/volunteers/applications?status=approved')).json();
  const ha = approved.find((a: { fullName: string }) => a.fullName === 'Trần Thu Hà');
  const created = await page.request.post(`/api/volunteers/${ha.profileId}/account`, {
    headers: { 'x-csrf-token': csrfToken },
    data: {},
  });
  expect(created.status()).toBe(201);
  const { username, temporaryPassword } = await created.json();

  const own = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const volunteer = await own.newPage();
  await signIn(volunteer, username, temporaryPassword);
  // Only her own pages in the menu.
  await expect(volunteer.getByRole('menuitem', { name: 'Tổ chức' })).toHaveCount(0);
  await volunteer.getByRole('menuitem', { name: 'Tình nguyện viên' }).click();
  await volunteer.getByRole('menuitem', { name: 'Hoạt động tình nguyện của tôi' }).click();
  await expect(volunteer.getByTestId('my-profiles')).toContainText(institution);
  await expect(volunteer.getByTestId('my-profiles')).toContainText('Đã đăng ký');
  const availability = volunteer.getByTestId('my-availability');
  await availability.getByText('Sẵn sàng', { exact: true }).click();
  await availability.getByRole('button', { name: 'Thêm khoảng thời gian' }).click();
  await typeDate(availability.getByLabel('Từ ngày'), vnDay(7));
  await typeDate(availability.getByLabel('Đến ngày'), vnDay(60));
  await availability.getByRole('button', { name: 'Lưu thời gian tham gia' }).click();
  await expect(volunteer.getByText('Đã lưu. Cơ sở của bạn sẽ thấy ngay.')).toBeVisible();
  await expect(volunteer.getByTestId('my-profiles')).toContainText('Sẵn sàng');
  await volunteer.screenshot({ path: 'artifacts/e2e/volunteer-my-page.png', fullPage: true });
  await own.close();
});
