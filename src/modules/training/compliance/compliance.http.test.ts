import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClass } from '../../../../test/helpers/certificates.fixtures.ts';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../../test/helpers/test-app.ts';

/**
 * Compliance and reach over the organisation tree: declared headcounts for the TT 19/2016 first-aider rule,
 * an industrial-park board seeing its enterprises, a provider's month per unit, and the training figures
 * feeding plan indicators (the reporting engine).
 */
describe('training compliance, reach and indicator sources', () => {
  let t: TestApp;
  let o: Record<'national' | 'hsc' | 'bacNinh' | 'board' | 'queVo' | 'tuSon', BuiltOrg>;
  let national: Session;
  let hr: Session;
  let hrViewer: Session;
  let boardAdmin: Session;

  const employ = (classId: number, org: BuiltOrg) =>
    t.db.execute(
      sql`UPDATE people SET employer_org_id = ${org.id}
          WHERE id IN (SELECT person_id FROM enrolments WHERE class_id = ${classId})`,
    );

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    const root = await buildOrg(t.db, { name: 'Trung ương Hội Chữ thập đỏ Việt Nam', kind: 'red_cross' });
    const board = await buildOrg(t.db, {
      name: 'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh',
      kind: 'industrial_park_board',
    });
    o = {
      national: root,
      hsc: await buildOrg(t.db, { parent: root, name: 'Trung tâm Dịch vụ Nhân đạo', kind: 'service_centre' }),
      bacNinh: await buildOrg(t.db, {
        parent: root,
        name: 'Hội Chữ thập đỏ tỉnh Bắc Ninh',
        kind: 'red_cross',
      }),
      board,
      queVo: await buildOrg(t.db, { parent: board, name: 'Công ty TNHH Điện tử Quế Võ', kind: 'enterprise' }),
      tuSon: await buildOrg(t.db, {
        parent: board,
        name: 'Công ty TNHH Linh kiện Từ Sơn',
        kind: 'enterprise',
      }),
    };
    const as = (org: BuiltOrg, role: string) => loginAs(t, org, role);
    national = await as(o.national, 'org_admin');
    hr = await as(o.queVo, 'data_entry');
    hrViewer = await as(o.queVo, 'viewer');
    boardAdmin = await as(o.board, 'org_admin');
    const workers = await buildClass(t.db, {
      provider: o.hsc,
      course: 'SCC_NLD',
      days: ['2026-04-20'],
      learners: [{ name: 'Nguyễn Thị Hoa' }, { name: 'Trần Văn Nam' }, { name: 'Lê Thị Mai' }],
    });
    await t.db.execute(sql`UPDATE training_classes SET price_per_learner = 300000 WHERE id = ${workers.id}`);
    await employ(workers.id, o.queVo);
    const firstAider = await buildClass(t.db, {
      provider: o.hsc,
      course: 'SCC_LLSC',
      days: ['2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24'],
      learners: [{ name: 'Phạm Minh Tuấn' }],
    });
    await employ(firstAider.id, o.queVo);
    const community = await buildClass(t.db, {
      provider: o.bacNinh,
      course: 'CTD_SCC_1',
      days: ['2026-04-25'],
      learners: [{ name: 'Đỗ Văn Hùng' }, { name: 'Bùi Thị Lan', outcome: 'fail' }],
    });
    await employ(community.id, o.tuSon);
    for (const k of [workers, firstAider, community])
      expect((await national.post(`/api/training/classes/${k.id}/certificates`)).statusCode).toBe(200);
  });

  it('lists the training providers an enterprise can send a request to, with their courses', async () => {
    const list = (await hr.get('/api/training/providers')).json();
    const centre = list.find((p: { id: number }) => p.id === o.hsc.id);
    expect(centre).toMatchObject({
      name: 'Trung tâm Dịch vụ Nhân đạo',
      parentName: 'Trung ương Hội Chữ thập đỏ Việt Nam',
    });
    const courses = (await hr.get('/api/training/course-types')).json();
    const scc = courses.find((c: { code: string }) => c.code === 'SCC_NLD').id;
    expect(centre.courseTypeIds).toContain(scc);
    expect(list.some((p: { id: number }) => p.id === o.queVo.id)).toBe(false);
  });

  it('uses the headcount the enterprise declared, dated, for the first-aider rule (TT 19/2016)', async () => {
    const before = (await hr.get(`/api/training/compliance/${o.queVo.id}`)).json();
    // Nothing declared: the workers the registry knows (4), so one first-aider — and it has one.
    expect(before.firstAiders).toMatchObject({
      headcount: 4,
      headcountSource: 'registry',
      required: 1,
      have: 1,
    });
    const denied = await hrViewer.post('/api/training/workforce', {
      orgId: o.queVo.id,
      asOf: '2026-03-01',
      workers: 420,
    });
    expect(denied.statusCode).toBe(403);
    const declared = await hr.post('/api/training/workforce', {
      orgId: o.queVo.id,
      asOf: '2026-03-01',
      workers: 420,
    });
    expect(declared.statusCode, declared.body).toBe(200);
    // From June on, a strict-OSH line of 150 workers (declared ahead).
    await hr.post('/api/training/workforce', {
      orgId: o.queVo.id,
      asOf: '2026-06-01',
      workers: 150,
      strictOsh: true,
    });
    const now = (await hr.get(`/api/training/compliance/${o.queVo.id}`)).json();
    // 420 workers, no strict-OSH jobs: 1 below 200, then 1 per 150 started → 3; one holds SCC_LLSC.
    expect(now.firstAiders).toMatchObject({
      headcount: 420,
      headcountSource: 'declared',
      headcountAsOf: '2026-03-01',
      strict: false,
      required: 3,
      have: 1,
      shortfall: 2,
    });
    const history = (await hr.get(`/api/training/workforce/${o.queVo.id}`)).json();
    expect(history.map((h: { asOf: string }) => h.asOf)).toEqual(['2026-06-01', '2026-03-01']);
    t.clock.set('2026-06-02T02:00:00Z');
    const june = (await hr.get(`/api/training/compliance/${o.queVo.id}`)).json();
    expect(june.firstAiders).toMatchObject({ headcount: 150, strict: true, required: 2, shortfall: 1 });
    t.clock.set('2026-05-04T02:00:00Z');
    const audit = await t.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'training.workforce.declare' AND org_id = ${o.queVo.id}`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
  });

  it('shows an industrial-park board the workers due and the first-aiders of each of its enterprises', async () => {
    const view = (await boardAdmin.get(`/api/training/compliance/${o.board.id}`)).json();
    expect(view.units.map((u: { orgName: string }) => u.orgName)).toEqual([
      'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh',
      'Công ty TNHH Điện tử Quế Võ',
      'Công ty TNHH Linh kiện Từ Sơn',
    ]);
    const tuSon = view.units.find((u: { orgId: number }) => u.orgId === o.tuSon.id);
    // Community first aid (Red Cross) is not the workplace course: both of Từ Sơn's workers still need TT 19's.
    expect(tuSon).toMatchObject({
      workersInRegistry: 2,
      firstAiders: { required: 1, have: 0, shortfall: 1 },
    });
    const names = (code: string) =>
      view.due
        .filter(
          (d: { courseCode: string; employerOrgId: number }) =>
            d.courseCode === code && d.employerOrgId === o.tuSon.id,
        )
        .map((d: { fullName: string }) => d.fullName);
    expect(names('SCC_NLD').sort()).toEqual(['Bùi Thị Lan', 'Đỗ Văn Hùng']);
    // Quế Võ's first-aider's 16 h course covers the workers' 4 h one: not listed for SCC_NLD.
    expect(
      view.due.some(
        (d: { fullName: string; courseCode: string }) =>
          d.fullName === 'Phạm Minh Tuấn' && d.courseCode === 'SCC_NLD',
      ),
    ).toBe(false);
    // An enterprise's clerk sees its own workers only.
    const own = (await hr.get(`/api/training/compliance/${o.queVo.id}`)).json();
    expect(new Set(own.due.map((d: { employerOrgId: number }) => d.employerOrgId))).toEqual(
      new Set([o.queVo.id]),
    );
    expect((await hr.get(`/api/training/compliance/${o.tuSon.id}`)).statusCode).toBe(404);
  });

  it('rolls a provider’s month up the tree, with each direct unit’s figures', async () => {
    const reach = (await national.get(`/api/training/reach/${o.national.id}?month=2026-04`)).json();
    expect(reach).toMatchObject({
      orgName: 'Trung ương Hội Chữ thập đỏ Việt Nam',
      classes: 3,
      learnersTrained: 6,
      passed: 5,
      certified: 5,
      revenue: 900_000,
    });
    expect(reach.passRate).toBeCloseTo(5 / 6);
    expect(reach.units).toEqual([
      expect.objectContaining({ orgId: o.hsc.id, classes: 2, learnersTrained: 4, passed: 4, certified: 4 }),
      expect.objectContaining({
        orgId: o.bacNinh.id,
        classes: 1,
        learnersTrained: 2,
        passed: 1,
        passRate: 0.5,
      }),
    ]);
    const may = (await national.get(`/api/training/reach/${o.national.id}?month=2026-05`)).json();
    expect(may).toMatchObject({ classes: 0, passRate: null, units: [] });
  });

  const planBody = (issuer: BuiltOrg, reporters: BuiltOrg[], indicators: object[]) => ({
    issuerOrgId: issuer.id,
    kind: 'plan',
    number: `0${reporters.length}/KH-HL`,
    title: 'Kế hoạch tập huấn sơ cấp cứu năm 2026',
    issuedOn: '2026-01-05',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    reportPeriodType: 'quarterly',
    reportDueDays: 10,
    reportLockDays: 20,
    reporterOrgIds: reporters.map((r) => r.id),
    copyOrgIds: [],
    indicators,
    activities: [],
  });

  async function issuedPlan(s: Session, body: object) {
    const created = await s.post('/api/plans', body);
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect((await s.post(`/api/plans/${p.id}/issue`, { version: p.version })).statusCode).toBe(200);
    return p as { id: number; indicators: { id: number; code: string }[] };
  }

  it('opens a unit’s report form pre-filled with the learners it trained and certified in the quarter', async () => {
    const sources = (await national.get('/api/indicator-sources')).json().map((s: { key: string }) => s.key);
    expect(sources).toEqual(
      expect.arrayContaining([
        'training.learners_trained',
        'training.learners_certified.workplace_first_aid',
        'training.learners_pass_rate',
        'training.workers_trained',
      ]),
    );
    const p = await issuedPlan(
      national,
      planBody(
        o.national,
        [o.hsc, o.bacNinh],
        [
          { code: 'HL', name: 'Học viên được tập huấn', kind: 'count', source: 'training.learners_trained' },
          {
            code: 'GCN',
            name: 'Học viên được cấp giấy chứng nhận sơ cứu tại nơi làm việc',
            kind: 'count',
            source: 'training.learners_certified.workplace_first_aid',
          },
          {
            code: 'TL',
            name: 'Tỷ lệ học viên đạt',
            kind: 'ratio',
            numeratorLabel: 'Số đạt',
            denominatorLabel: 'Số được tập huấn',
            source: 'training.learners_pass_rate',
          },
        ],
      ),
    );
    const ind = (code: string) => p.indicators.find((i) => i.code === code)!.id;
    const form = async (org: BuiltOrg, period = '2026-Q2') =>
      (await national.get(`/api/plans/${p.id}/report-form?orgId=${org.id}&periodKey=${period}`)).json();
    const bn = await form(o.bacNinh);
    expect(bn.values).toEqual([
      { indicatorId: ind('HL'), value: 2, denominator: null, breakdown: null },
      { indicatorId: ind('GCN'), value: 0, denominator: null, breakdown: null },
      { indicatorId: ind('TL'), value: 1, denominator: 2, breakdown: null },
    ]);
    expect(bn.prefilled).toEqual([ind('HL'), ind('GCN'), ind('TL')]);
    const hsc = await form(o.hsc);
    expect(hsc.values.map((v: { value: number }) => v.value)).toEqual([4, 4, 4]);
    // Nothing was trained in the first quarter.
    expect((await form(o.hsc, '2026-Q1')).values.map((v: { value: number }) => v.value)).toEqual([0, 0, 0]);
  });

  it('counts workers by their employer’s tree for a plan of the industrial-park board', async () => {
    const p = await issuedPlan(
      boardAdmin,
      planBody(
        o.board,
        [o.queVo, o.tuSon],
        [
          {
            code: 'NLD',
            name: 'Người lao động được huấn luyện',
            kind: 'count',
            source: 'training.workers_trained',
          },
          {
            code: 'SCC',
            name: 'Người lao động được huấn luyện sơ cứu tại nơi làm việc',
            kind: 'count',
            source: 'training.workers_trained.workplace_first_aid',
          },
        ],
      ),
    );
    const form = async (org: BuiltOrg) =>
      (await boardAdmin.get(`/api/plans/${p.id}/report-form?orgId=${org.id}&periodKey=2026-Q2`)).json();
    expect((await form(o.queVo)).values.map((v: { value: number }) => v.value)).toEqual([4, 4]);
    // Từ Sơn's two took the Red Cross community course: trained, but not in workplace first aid.
    expect((await form(o.tuSon)).values.map((v: { value: number }) => v.value)).toEqual([2, 0]);
  });
});
