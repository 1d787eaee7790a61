import { expect, type Page, test } from '@playwright/test';
import { pageAs } from './helpers.ts';

type Due = { planId: number; planNumber: string; orgId: number; periodKey: string; status: string };

/**
 * The unit submits the open quarter's report of 12/KH-LĐLĐ through the API with its page's own session and CSRF
 * token (the form itself is forms-numbers.spec.ts's, which runs before: journeys share one database in file order),
 * then each role's home page shows what it must act on.
 */
async function submitOpenQuarter(page: Page): Promise<{ planId: number; periodKey: string }> {
  const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
  const due: Due[] = await (await page.request.get('/api/reports/due')).json();
  const open = due
    .filter((d) => d.planNumber === '12/KH-LĐLĐ' && d.status !== 'submitted')
    .sort((a, b) => b.periodKey.localeCompare(a.periodKey))[0]!;
  const plan = await (await page.request.get(`/api/plans/${open.planId}`)).json();
  const form = await (
    await page.request.get(
      `/api/plans/${open.planId}/report-form?orgId=${open.orgId}&periodKey=${open.periodKey}`,
    )
  ).json();
  const values = plan.indicators.map((i: { id: number; kind: string }) => ({
    indicatorId: i.id,
    value: i.kind === 'yes_no' ? 1 : 12,
  }));
  const res = await page.request.post(`/api/plans/${open.planId}/reports`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { orgId: open.orgId, periodKey: open.periodKey, version: form.version, submit: true, values },
  });
  expect(res.status(), await res.text()).toBe(200);
  return { planId: open.planId, periodKey: open.periodKey };
}

test('each role sees on its home page what it must act on', async ({ browser }) => {
  const unit = await pageAs(browser, 'nhaplieu.ytedb');
  const { planId, periodKey } = await submitOpenQuarter(unit);

  const officer = await pageAs(browser, 'ldld.dienbien');
  const toReview = officer.getByTestId('home-block-plans.reports_to_review');
  await expect(toReview.getByText('Báo cáo chờ duyệt')).toBeVisible();
  await expect(toReview.getByRole('link', { name: /12\/KH-LĐLĐ — Công đoàn ngành Y tế/ })).toBeVisible();
  await expect(officer.getByTestId('review-queue-badge')).toBeVisible();
  await officer.screenshot({ path: 'artifacts/e2e/home-reviewer.png', fullPage: true });

  await officer.getByRole('menuitem', { name: /Báo cáo chờ duyệt/ }).click();
  // The demo has earlier quarters waiting too: the row of the quarter just submitted.
  const quarter = `Quý ${['I', 'II', 'III', 'IV'][Number(periodKey.slice(-1)) - 1]}/${periodKey.slice(0, 4)}`;
  const row = officer
    .getByRole('row', { name: /Công đoàn ngành Y tế/ })
    .filter({ hasText: '12/KH-LĐLĐ' })
    .filter({ hasText: quarter });
  await expect(row).toBeVisible();
  await officer.screenshot({ path: 'artifacts/e2e/review-queue.png', fullPage: true });

  // The plan opens on the period with the submission waiting, not on the previous quarter.
  await officer.goto(`/plans/${planId}`);
  const plan = await (await officer.request.get(`/api/plans/${planId}`)).json();
  expect(plan.activePeriodKey).toBe(periodKey);
  await officer.getByRole('tab', { name: 'Báo cáo' }).click();
  await expect(
    officer.getByRole('row', { name: /Công đoàn ngành Y tế/ }).getByText('Đã nộp', { exact: true }),
  ).toBeVisible();

  // Accept it from the queue, after confirming.
  await officer.goto('/reports/review');
  await row.getByRole('checkbox').check();
  await officer.getByRole('button', { name: /Duyệt các báo cáo đã chọn/ }).click();
  await officer
    .getByRole('dialog')
    .getByRole('button', { name: /Duyệt các báo cáo đã chọn/ })
    .click();
  await expect(officer.getByText(/Đã duyệt 1 báo cáo/)).toBeVisible();

  const centre = await pageAs(browser, 'ttdvnd');
  await expect(centre.getByTestId('home-block-training.requests_pending')).toBeVisible();
  await expect(centre.getByTestId('home-block-training.classes_this_week')).toBeVisible();
  await expect(centre.getByTestId('home-block-plans.reports_due')).toHaveCount(0);
  await centre.screenshot({ path: 'artifacts/e2e/home-centre.png', fullPage: true });

  const hr = await pageAs(browser, 'nhansu.quevo');
  await expect(hr.getByTestId('home-block-training.certificates_expiring')).toBeVisible();
  await hr.screenshot({ path: 'artifacts/e2e/home-hr.png', fullPage: true });
});
