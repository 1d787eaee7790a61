import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg, buildUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';

/**
 * A plan's life after the seed-001 core: drafts edited whole, amendments by dated revision, implementing
 * plans, activities and their actuals, disaggregated values, lock dates, per-period targets and the inbox.
 */
describe('plan lifecycle: edit, amend, implement, activities, disaggregation, lock date, inbox', () => {
  let t: TestApp;
  let o: Record<'province' | 'district' | 'unitA' | 'unitB' | 'later' | 'redCross', BuiltOrg>;
  let province: Session;
  let district: Session;
  let clerkA: Session;
  let redCross: Session;
  type Plan = {
    id: number;
    version: number;
    status: string;
    indicators: { id: number; code: string }[];
    activities: { id: number; version: number; outputs: { metric: string; actual: number | null }[] }[];
    can: { manage: boolean; reportFor: { orgId: number }[]; implementAs: { orgId: number }[] };
  };
  let plan: Plan;
  const ind = (p: Plan, code: string) => p.indicators.find((i) => i.code === code)!.id;

  const body = () => ({
    issuerOrgId: o.province.id,
    kind: 'plan',
    number: '07/KH-LĐLĐ',
    title: 'Tháng hành động về an toàn, vệ sinh lao động năm 2024',
    issuedOn: '2024-04-02',
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    reportPeriodType: 'quarterly',
    reportDueDays: 10,
    reportLockDays: 20,
    reporterOrgIds: [o.district.id],
    copyOrgIds: [o.redCross.id],
    indicators: [
      {
        code: 'HL',
        name: 'Người lao động được huấn luyện',
        unit: 'người',
        kind: 'count',
        maxValue: 100000,
        breakdown: {
          label: 'Giới tính',
          categories: [
            { code: 'NAM', label: 'Nam' },
            { code: 'NU', label: 'Nữ' },
          ],
        },
      },
      { code: 'TH', name: 'Có tổ chức Tháng hành động', kind: 'yes_no' },
    ],
    activities: [
      {
        type: 'communication',
        title: 'Mít tinh hưởng ứng Tháng hành động',
        leadOrgId: o.district.id,
        partnerOrgIds: [o.redCross.id],
        startsOn: '2024-05-01',
        endsOn: '2024-05-01',
        outputs: [
          { metric: 'events', planned: 1 },
          { metric: 'participants', planned: 500 },
        ],
      },
    ],
  });

  beforeAll(async () => {
    t = await createTestApp('2024-04-02T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    const root = await buildOrg(t.db, { name: 'Tổng Liên đoàn Lao động Việt Nam' });
    const prov = await buildOrg(t.db, { parent: root, name: 'Liên đoàn Lao động tỉnh Bắc Ninh' });
    const dist = await buildOrg(t.db, { parent: prov, name: 'Công đoàn các Khu công nghiệp tỉnh Bắc Ninh' });
    o = {
      province: prov,
      district: dist,
      unitA: await buildOrg(t.db, { parent: dist, name: 'CĐCS Công ty TNHH Điện tử Quế Võ' }),
      unitB: await buildOrg(t.db, { parent: dist, name: 'CĐCS Công ty TNHH Linh kiện Từ Sơn' }),
      later: await buildOrg(t.db, { parent: prov, name: 'Công đoàn ngành Y tế tỉnh Bắc Ninh' }),
      redCross: await buildOrg(t.db, { name: 'Hội Chữ thập đỏ tỉnh Bắc Ninh', kind: 'red_cross' }),
    };
    const as = async (org: BuiltOrg, role: string) => {
      const u = await buildUser(t.db, { grants: [{ org, role }] });
      return signIn(t, u.username, u.password);
    };
    province = await as(o.province, 'org_admin');
    district = await as(o.district, 'org_admin');
    clerkA = await as(o.unitA, 'data_entry');
    redCross = await as(o.redCross, 'org_admin');
  });

  it('edits a draft whole, keeping targets of indicators that stay, and refuses a stale version', async () => {
    const created = await province.post('/api/plans', body());
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json();
    await province.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/targets`,
      json: { indicatorId: ind(plan, 'HL'), targets: [{ orgId: o.province.id, value: 800 }] },
    });
    const edited = await province.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}`,
      json: { ...body(), title: 'Tháng hành động về ATVSLĐ năm 2024', version: plan.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Tháng hành động về ATVSLĐ năm 2024',
      version: plan.version + 1,
    });
    expect(ind(edited.json(), 'HL')).toBe(ind(plan, 'HL'));
    const table = (await province.get(`/api/plans/${plan.id}/targets?parentOrgId=${o.province.id}`)).json();
    expect(table.parent.targets[String(ind(plan, 'HL'))]).toBe(800);
    const stale = await province.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}`,
      json: { ...body(), version: plan.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('plans.version_conflict');
    plan = (await province.post(`/api/plans/${plan.id}/issue`, { version: plan.version + 1 })).json();
    expect(plan.status).toBe('issued');
    const again = await province.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}`,
      json: { ...body(), version: plan.version },
    });
    expect(again.json().error.code).toBe('plans.not_draft');
  });

  it('lets a recipient draft its implementing plan in one click, inheriting indicators, reporting and its targets', async () => {
    await province.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/targets`,
      json: { indicatorId: ind(plan, 'HL'), targets: [{ orgId: o.district.id, value: 600 }] },
    });
    const seen = (await district.get(`/api/plans/${plan.id}`)).json();
    expect(seen.can).toMatchObject({ manage: false, implementAs: [{ orgId: o.district.id }] });
    const res = await district.post(`/api/plans/${plan.id}/implement`, { issuerOrgId: o.district.id });
    expect(res.statusCode, res.body).toBe(201);
    const child = res.json();
    expect(child).toMatchObject({
      status: 'draft',
      issuerOrgId: o.district.id,
      implementsPlan: { id: plan.id, number: '07/KH-LĐLĐ' },
      reportPeriodType: 'quarterly',
      reportDueDays: 5, // five days before the province's own deadline, to consolidate
      legalBases: [expect.stringContaining('Kế hoạch số 07/KH-LĐLĐ ngày 02/04/2024')],
    });
    expect(child.indicators.map((i: { code: string }) => i.code)).toEqual(['HL', 'TH']);
    expect(child.recipients.map((r: { orgId: number }) => r.orgId).sort()).toEqual(
      [o.unitA.id, o.unitB.id].sort(),
    );
    const table = (await district.get(`/api/plans/${child.id}/targets?parentOrgId=${o.district.id}`)).json();
    expect(table.parent.targets[String(ind(child, 'HL'))]).toBe(600);
    expect((await province.get(`/api/plans/${plan.id}`)).json().implementedBy).toEqual([
      expect.objectContaining({ id: child.id, status: 'draft' }),
    ]);
    // The copied Red Cross sees the plan but not the district (not found, on the field); a unit below does not
    // see the plan at all.
    const partner = await redCross.post(`/api/plans/${plan.id}/implement`, { issuerOrgId: o.district.id });
    expect(partner.statusCode).toBe(400);
    expect(partner.json().error.details.issues[0].path).toBe('body.issuerOrgId');
    const below = await clerkA.post(`/api/plans/${plan.id}/implement`, { issuerOrgId: o.district.id });
    expect(below.statusCode).toBe(404);
  });

  it('checks disaggregated values add up and respects min/max, naming the field', async () => {
    t.clock.set('2024-04-20T02:00:00Z');
    const form = (
      await district.get(`/api/plans/${plan.id}/report-form?orgId=${o.district.id}&periodKey=2024-Q2`)
    ).json();
    expect(form).toMatchObject({ id: null, version: 0, dueOn: '2024-07-10', locksOn: '2024-07-30' });
    const bad = await district.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.district.id,
      periodKey: '2024-Q2',
      version: 0,
      submit: true,
      values: [
        {
          indicatorId: ind(plan, 'HL'),
          value: 500,
          breakdown: [
            { category: 'NAM', value: 200 },
            { category: 'NU', value: 250 },
          ],
        },
        { indicatorId: ind(plan, 'TH'), value: 1 },
      ],
    });
    expect(bad.json().error.details.issues).toEqual([
      { path: 'body.values.0.breakdown', message: expect.stringContaining('(450) khác số đã nhập (500)') },
    ]);
    // "Lưu nháp" keeps the very figures that were refused on submit: only submitting checks they agree.
    const draft = await district.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.district.id,
      periodKey: '2024-Q2',
      version: 0,
      submit: false,
      values: [
        {
          indicatorId: ind(plan, 'HL'),
          value: 500,
          breakdown: [
            { category: 'NAM', value: 200 },
            { category: 'NU', value: 250 },
          ],
        },
      ],
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', version: 1 });
    const reopened = (
      await district.get(`/api/plans/${plan.id}/report-form?orgId=${o.district.id}&periodKey=2024-Q2`)
    ).json();
    expect(reopened.values.find((v: { indicatorId: number }) => v.indicatorId === ind(plan, 'HL'))).toEqual({
      indicatorId: ind(plan, 'HL'),
      value: 500,
      denominator: null,
      breakdown: [
        { category: 'NAM', value: 200 },
        { category: 'NU', value: 250 },
      ],
    });
    const missing = await district.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.district.id,
      periodKey: '2024-Q2',
      version: 0,
      submit: true,
      values: [
        { indicatorId: ind(plan, 'HL'), value: 200000 },
        { indicatorId: ind(plan, 'TH'), value: 1 },
      ],
    });
    expect(missing.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.values.0.value',
      'body.values.0.breakdown',
    ]);
    const ok = await district.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.district.id,
      periodKey: '2024-Q2',
      version: 1,
      submit: true,
      values: [
        {
          indicatorId: ind(plan, 'HL'),
          value: 450,
          breakdown: [
            { category: 'NAM', value: 200 },
            { category: 'NU', value: 250 },
          ],
        },
        { indicatorId: ind(plan, 'TH'), value: 1 },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().values[0].breakdown).toEqual([
      { category: 'NAM', value: 200 },
      { category: 'NU', value: 250 },
    ]);
    expect((await district.get(`/api/plans/${plan.id}/reports/${ok.json().id}`)).json()).toEqual(ok.json());
    const d = (
      await province.get(`/api/plans/${plan.id}/dashboard?orgId=${o.province.id}&periodKey=2024-Q2`)
    ).json();
    expect(d.breakdowns).toEqual([
      {
        indicatorId: ind(plan, 'HL'),
        label: 'Giới tính',
        categories: [
          { code: 'NAM', label: 'Nam', value: 200 },
          { code: 'NU', label: 'Nữ', value: 250 },
        ],
      },
    ]);
    expect(d.submissions).toEqual([{ day: '2024-04-20', onTime: 1, late: 0 }]);
    // Plan-wide target 800 applies to the quarter until a quarter's own target overrides it.
    expect(d.totals[0]).toMatchObject({ value: 450, target: 800 });
    await province.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/targets`,
      json: {
        indicatorId: ind(plan, 'HL'),
        periodKey: '2024-Q2',
        targets: [{ orgId: o.province.id, value: 500 }],
      },
    });
    const d2 = (
      await province.get(`/api/plans/${plan.id}/dashboard?orgId=${o.province.id}&periodKey=2024-Q2`)
    ).json();
    expect(d2.totals[0]).toMatchObject({ target: 500, achievementPercent: 90 });
  });

  it('shows beside each input the unit’s target and what it reported the period before', async () => {
    const set = await province.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/targets`,
      json: { indicatorId: ind(plan, 'HL'), targets: [{ orgId: o.district.id, value: 600 }] },
    });
    expect(set.statusCode, set.body).toBe(200);
    const q3 = await district.get(
      `/api/plans/${plan.id}/report-form?orgId=${o.district.id}&periodKey=2024-Q3`,
    );
    expect(q3.statusCode, q3.body).toBe(200);
    expect(q3.json().previousPeriodKey).toBe('2024-Q2');
    expect(q3.json().beside).toEqual([
      { indicatorId: ind(plan, 'HL'), target: 600, previous: 450 },
      { indicatorId: ind(plan, 'TH'), target: null, previous: 1 },
    ]);
  });

  it('closes the form after the lock date unless the reviewer returned the report', async () => {
    t.clock.set('2024-07-31T02:00:00Z'); // Q2 due 10/7, locked after 30/7
    const late = await district.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.district.id,
      periodKey: '2024-Q1',
      version: 0,
      values: [],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'plans.form_closed' });
    expect(late.json().error.message).toContain('30/04/2024'); // Q1 due 10/4 + 20 days
    const q1 = (
      await province.get(`/api/plans/${plan.id}/reports?orgId=${o.province.id}&periodKey=2024-Q1`)
    ).json().items;
    expect(q1.find((r: { orgId: number }) => r.orgId === o.district.id)).toMatchObject({ status: 'none' }); // nothing kept
    const report = (
      await province.get(`/api/plans/${plan.id}/reports?orgId=${o.province.id}&periodKey=2024-Q2`)
    )
      .json()
      .items.find((r: { orgId: number }) => r.orgId === o.district.id);
    const full = (await province.get(`/api/plans/${plan.id}/reports/${report.reportId}`)).json();
    await province.post(`/api/plans/${plan.id}/reports/${report.reportId}/review`, {
      version: full.version,
      decision: 'return',
      comment: 'Số nữ chưa khớp danh sách.',
    });
    const notices = (await district.get('/api/notifications')).json().items;
    expect(notices.map((n: { kind: string; title: string }) => `${n.kind}: ${n.title}`)).toEqual([
      'report_returned: Báo cáo bị trả lại: 07/KH-LĐLĐ',
      'plan_issued: Kế hoạch mới: 07/KH-LĐLĐ — Tháng hành động về ATVSLĐ năm 2024',
    ]);
    // The reviewer's own full stop is not doubled.
    expect(notices[0].body).toBe('Lý do: Số nữ chưa khớp danh sách. Hãy sửa và nộp lại.');
    const fixed = await district.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.district.id,
      periodKey: '2024-Q2',
      version: full.version + 1,
      submit: true,
      values: [
        {
          indicatorId: ind(plan, 'HL'),
          value: 460,
          breakdown: [
            { category: 'NAM', value: 200 },
            { category: 'NU', value: 260 },
          ],
        },
        { indicatorId: ind(plan, 'TH'), value: 1 },
      ],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().timeliness).toBe('on_time'); // the first submission decides
  });

  it('amends the issued plan by a dated revision; a unit added later is not expected for earlier periods', async () => {
    const current = (await province.get(`/api/plans/${plan.id}`)).json();
    const res = await province.post(`/api/plans/${plan.id}/amend`, {
      version: current.version,
      revisedOn: '2024-08-01',
      documentNumber: '15/KH-LĐLĐ',
      reason: 'Bổ sung Công đoàn ngành Y tế vào danh sách báo cáo',
      periodEnd: '2024-11-30',
      addReporterOrgIds: [o.later.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ revision: 1, periodEnd: '2024-11-30' });
    expect(res.json().revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        revisedOn: '2024-08-01',
        documentNumber: '15/KH-LĐLĐ',
        changes: expect.objectContaining({
          periodEnd: { from: '2024-12-31', to: '2024-11-30' },
          addedReporters: [o.later.id],
        }),
      }),
    ]);
    const expected = async (period: string) =>
      (
        await province.get(`/api/plans/${plan.id}/dashboard?orgId=${o.province.id}&periodKey=${period}`)
      ).json().completeness.expected;
    expect(await expected('2024-Q2')).toBe(1);
    expect(await expected('2024-Q3')).toBe(2);
    const nothing = await province.post(`/api/plans/${plan.id}/amend`, {
      version: res.json().version,
      revisedOn: '2024-08-02',
      reason: 'Không đổi gì cả',
    });
    expect(nothing.statusCode).toBe(400);
  });

  it('lets the lead organisation report an activity’s actual outputs; others may not', async () => {
    const p = (await district.get(`/api/plans/${plan.id}`)).json() as Plan;
    const a = p.activities[0]!;
    const res = await district.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/activities/${a.id}/actuals`,
      json: { version: a.version, outputs: [{ metric: 'participants', actual: 620 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outputs).toEqual([
      expect.objectContaining({ metric: 'events', planned: 1, actual: null }),
      expect.objectContaining({ metric: 'participants', planned: 500, actual: 620 }),
    ]);
    const partner = await redCross.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/activities/${a.id}/actuals`,
      json: { version: a.version + 1, outputs: [{ metric: 'events', actual: 1 }] },
    });
    expect(partner.statusCode).toBe(403);
    const added = await province.post(`/api/plans/${plan.id}/activities`, {
      type: 'inspection',
      title: 'Kiểm tra công tác ATVSLĐ tại doanh nghiệp',
      leadOrgId: 999999,
    });
    expect(added.json().error.details.issues[0].path).toBe('body.leadOrgId');
  });

  it('lists what a unit must report across plans in its inbox', async () => {
    t.clock.set('2024-08-05T02:00:00Z');
    const issued = await district.post(
      `/api/plans/${(await district.get('/api/plans')).json().find((p: { status: string; issuerOrgId: number }) => p.issuerOrgId === o.district.id).id}/issue`,
      { version: 1 },
    );
    expect(issued.statusCode, issued.body).toBe(200);
    const inbox = (await clerkA.get('/api/reports/due')).json();
    expect(
      inbox.map((i: { periodKey: string; timeliness: string }) => `${i.periodKey} ${i.timeliness}`),
    ).toEqual(['2024-Q1 missing', '2024-Q2 missing', '2024-Q3 pending']);
    expect(inbox[0]).toMatchObject({ orgId: o.unitA.id, planNumber: expect.stringContaining('/KH') });
  });

  it('opens a form with values computed from records for indicators fed by a source', async () => {
    const sources = (await province.get('/api/indicator-sources')).json();
    expect(sources.map((x: { key: string }) => x.key)).toContain('plans.activity_participants');
    const wrong = await province.post('/api/plans', {
      ...body(),
      number: '08/KH-LĐLĐ',
      activities: [],
      indicators: [{ code: 'X', name: 'Nguồn không có', kind: 'count', source: 'nope.nothing' }],
    });
    expect(wrong.json().error.details.issues[0].path).toBe('body.indicators.0.source');
    const created = await province.post('/api/plans', {
      ...body(),
      number: '09/KH-LĐLĐ',
      activities: [],
      indicators: [
        { code: 'CS', name: 'Công đoàn cơ sở trực thuộc', kind: 'count', source: 'orgs.active_units' },
        { code: 'NG', name: 'Người tham gia hoạt động', kind: 'sum', source: 'plans.activity_participants' },
        { code: 'GHI', name: 'Nhập tay', kind: 'count' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    await province.post(`/api/plans/${p.id}/issue`, { version: p.version });
    const form = (
      await district.get(`/api/plans/${p.id}/report-form?orgId=${o.district.id}&periodKey=2024-Q2`)
    ).json();
    // Two grassroots unions under the district; 620 took part in the May rally it led (reported earlier).
    expect(form.values).toEqual([
      { indicatorId: ind(p, 'CS'), value: 2, denominator: null, breakdown: null },
      { indicatorId: ind(p, 'NG'), value: 620, denominator: null, breakdown: null },
    ]);
    expect(form.prefilled).toEqual([ind(p, 'CS'), ind(p, 'NG')]);
  });
});
