import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg, buildUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';

type Dashboard = {
  totals: { value: number }[];
  completeness: { expected: number; reported: number };
  children: { orgId: number; reported: number; totals: { value: number }[] }[];
};

/**
 * A unit that has reported moves to another province (the 2025 reform moved thousands): its totals follow it
 * up the new branch at once, and its report is read by the officers of its new parent, not of its old one.
 */
describe('a reporting unit moves to another branch', () => {
  let t: TestApp;
  let national: Session;
  let oldProvince: Session;
  let newProvince: Session;
  let o: Record<'root' | 'a' | 'b' | 'unit' | 'grassroots' | 'stays', BuiltOrg>;
  let plan: { id: number; version: number; indicators: { id: number }[] };
  let reportId: number;

  const dashboard = async (org: BuiltOrg, s: Session = national): Promise<Dashboard> => {
    const res = await s.get(`/api/plans/${plan.id}/dashboard?orgId=${org.id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const line = (d: Dashboard, org: BuiltOrg) => d.children.find((c) => c.orgId === org.id)!;

  beforeAll(async () => {
    t = await createTestApp('2021-03-22T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    const root = await buildOrg(t.db, { name: 'Tổng Liên đoàn Lao động Việt Nam' });
    const a = await buildOrg(t.db, { parent: root, name: 'Liên đoàn Lao động tỉnh Bắc Giang' });
    const b = await buildOrg(t.db, { parent: root, name: 'Liên đoàn Lao động tỉnh Bắc Ninh' });
    const unit = await buildOrg(t.db, { parent: a, name: 'Công đoàn các Khu công nghiệp tỉnh Bắc Giang' });
    const grassroots = await buildOrg(t.db, {
      parent: unit,
      name: 'Công đoàn cơ sở Công ty TNHH Quang Châu',
    });
    const stays = await buildOrg(t.db, { parent: a, name: 'Công đoàn ngành Y tế tỉnh Bắc Giang' });
    o = { root, a, b, unit, grassroots, stays };
    const as = async (org: BuiltOrg, role: string) => {
      const u = await buildUser(t.db, { grants: [{ org, role }] });
      return signIn(t, u.username, u.password);
    };
    national = await as(root, 'system_admin');
    oldProvince = await as(a, 'org_admin');
    newProvince = await as(b, 'org_admin');
    const created = await national.post('/api/plans', {
      issuerOrgId: root.id,
      kind: 'guidance',
      number: '19/HD-TLĐ',
      title: 'Hưởng ứng Ngày toàn dân hiến máu tình nguyện 7/4/2021',
      issuedOn: '2021-03-15',
      periodStart: '2021-04-01',
      periodEnd: '2021-04-30',
      legalBases: [],
      reportPeriodType: 'once',
      reportDueOn: '2021-04-30',
      reporterOrgIds: [grassroots.id, stays.id],
      copyOrgIds: [],
      indicators: [{ code: 'DV_MAU', name: 'Đơn vị máu tiếp nhận', unit: 'đơn vị', kind: 'count' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json();
    expect((await national.post(`/api/plans/${plan.id}/issue`, { version: plan.version })).statusCode).toBe(
      200,
    );
    t.clock.set('2021-04-20T03:00:00Z');
    for (const [org, value] of [
      [grassroots, 120],
      [stays, 45],
    ] as const) {
      const res = await national.post(`/api/plans/${plan.id}/reports`, {
        orgId: org.id,
        periodKey: 'once',
        version: 0,
        submit: true,
        values: [{ indicatorId: plan.indicators[0]!.id, value }],
      });
      expect(res.statusCode, res.body).toBe(200);
      if (org === grassroots) reportId = res.json().id;
    }
  });

  it('counts the unit under its old branch before the move', async () => {
    const d = await dashboard(o.root);
    expect(line(d, o.a).totals[0]!.value).toBe(165);
    expect(line(d, o.b)).toBeUndefined(); // no reporter below it yet
    expect((await oldProvince.get(`/api/plans/${plan.id}/reports/${reportId}`)).statusCode).toBe(200);
    expect((await newProvince.get(`/api/plans/${plan.id}/reports/${reportId}`)).statusCode).toBe(404);
  });

  it('moves its totals, completeness and report with it', async () => {
    t.clock.set('2025-07-01T03:00:00Z');
    const res = await national.post(`/api/orgs/${o.unit.id}/move`, {
      version: o.unit.version,
      newParentId: o.b.id,
      effectiveOn: '2025-07-01',
    });
    expect(res.statusCode, res.body).toBe(200);

    const d = await dashboard(o.root);
    expect(d.totals[0]!.value).toBe(165);
    expect(line(d, o.a)).toMatchObject({ reported: 1, totals: [{ value: 45 }] });
    expect(line(d, o.b)).toMatchObject({ reported: 1, totals: [{ value: 120 }] });
    expect((await dashboard(o.b)).totals[0]!.value).toBe(120);
    expect((await dashboard(o.a)).totals[0]!.value).toBe(45);
    expect((await dashboard(o.unit)).totals[0]!.value).toBe(120);

    expect((await oldProvince.get(`/api/plans/${plan.id}/reports/${reportId}`)).statusCode).toBe(404);
    expect((await newProvince.get(`/api/plans/${plan.id}/reports/${reportId}`)).statusCode).toBe(200);
  });

  it('moves them back when a merger moves the unit again', async () => {
    const b = (await national.get(`/api/orgs/${o.b.id}`)).json();
    const res = await national.post(`/api/orgs/${o.b.id}/merge`, {
      version: b.version,
      intoId: o.a.id,
      effectiveOn: '2025-07-02',
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = await dashboard(o.root);
    expect(line(d, o.a)).toMatchObject({ reported: 2, totals: [{ value: 165 }] });
    expect((await dashboard(o.a)).totals[0]!.value).toBe(165);
    expect((await oldProvince.get(`/api/plans/${plan.id}/reports/${reportId}`)).statusCode).toBe(200);
  });
});
