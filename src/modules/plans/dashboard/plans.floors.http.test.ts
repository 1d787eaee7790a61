import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg, buildUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';

type Total = {
  indicatorId: number;
  value: number | null;
  percent: number | null;
  target: number | null;
  targetSource: 'assigned' | 'all_units' | null;
  isBelowFloor: boolean;
};
type Line = { orgId: number; orgName: string; totals: Total[] };

/**
 * Seed 001's targets: every union level mobilises at least 30% of its members (a floor for every unit), the
 * federation's quota is split among its units. A union below the floor is flagged wherever it is shown; a
 * union that never reported is missing (null), not zero; and the plan's grids list the units it was sent to,
 * by their names of the time, even after the 2025 reform merged one of them.
 */
describe('plan figures: floors at every level, missing is not zero, the plan’s own units', () => {
  let t: TestApp;
  let federation: Session;
  let fed: BuiltOrg;
  let low: BuiltOrg;
  let high: BuiltOrg;
  let silent: BuiltOrg;
  let commune: BuiltOrg;
  let plan: { id: number; indicators: { id: number; code: string }[] };
  const ind = (code: string) => plan.indicators.find((i) => i.code === code)!.id;
  const dashboard = async (orgId: number) =>
    (await federation.get(`/api/plans/${plan.id}/dashboard?orgId=${orgId}`)).json();
  const of = (totals: Total[], code: string) => totals.find((x) => x.indicatorId === ind(code))!;

  beforeAll(async () => {
    t = await createTestApp('2021-03-22T02:00:00Z', { SESSION_TTL_HOURS: '100000', LOG_LEVEL: 'error' });
    const national = await buildOrg(t.db, { name: 'Tổng Liên đoàn Lao động Việt Nam' });
    fed = await buildOrg(t.db, { parent: national, name: 'Liên đoàn Lao động tỉnh Điện Biên' });
    low = await buildOrg(t.db, { parent: fed, name: 'Công đoàn ngành Giáo dục tỉnh Điện Biên' });
    high = await buildOrg(t.db, { parent: fed, name: 'Công đoàn ngành Y tế tỉnh Điện Biên' });
    silent = await buildOrg(t.db, { parent: fed, name: 'Liên đoàn Lao động huyện Tuần Giáo' });
    const admin = await buildUser(t.db, { grants: [{ org: fed, role: 'org_admin' }] });
    federation = await signIn(t, admin.username, admin.password);
    const created = await federation.post('/api/plans', {
      issuerOrgId: fed.id,
      kind: 'guidance',
      number: '45/HD-LĐLĐ',
      title: 'Hưởng ứng Ngày toàn dân hiến máu tình nguyện 7/4/2021',
      issuedOn: '2021-03-22',
      periodStart: '2021-04-01',
      periodEnd: '2021-04-30',
      legalBases: [],
      reportPeriodType: 'once',
      reportDueOn: '2021-04-30',
      reporterOrgIds: [low.id, high.id, silent.id],
      copyOrgIds: [],
      indicators: [
        { code: 'HD', name: 'Công đoàn có chỉ đạo và hoạt động cụ thể hưởng ứng', kind: 'yes_no' },
        { code: 'TL_HM', name: 'Cán bộ, đoàn viên tham gia hiến máu', kind: 'ratio' },
        { code: 'DV_MAU', name: 'Đơn vị máu tiếp nhận', unit: 'đơn vị', kind: 'count', goalPercent: 105 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json();
    await federation.post(`/api/plans/${plan.id}/issue`, { version: created.json().version });
    const target = async (code: string, targets: [BuiltOrg, number][]) => {
      const res = await federation.request({
        method: 'PUT',
        url: `/api/plans/${plan.id}/targets`,
        json: { indicatorId: ind(code), targets: targets.map(([o, value]) => ({ orgId: o.id, value })) },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await target('TL_HM', [[fed, 30]]);
    await target('HD', [[fed, 100]]);
    await target('DV_MAU', [[fed, 1000]]);
    await target('DV_MAU', [
      [low, 400],
      [high, 400],
      [silent, 200],
    ]);
    const submit = async (unit: BuiltOrg, donors: number, members: number, units: number) => {
      const res = await federation.post(`/api/plans/${plan.id}/reports`, {
        orgId: unit.id,
        periodKey: 'once',
        version: 0,
        submit: true,
        values: [
          { indicatorId: ind('HD'), value: 1 },
          { indicatorId: ind('TL_HM'), value: donors, denominator: members },
          { indicatorId: ind('DV_MAU'), value: units },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    t.clock.set('2021-04-28T03:00:00Z');
    await submit(low, 25, 100, 300);
    await submit(high, 40, 100, 450);
    t.clock.set('2021-05-05T02:00:00Z');
  });

  it('a unit that never reported is missing (null), not zero, in the dashboard', async () => {
    const d = await dashboard(fed.id);
    const line = d.children.find((c: Line) => c.orgId === silent.id) as Line;
    expect(of(line.totals, 'DV_MAU')).toMatchObject({ value: null, target: 200 });
    expect(of(line.totals, 'TL_HM')).toMatchObject({ value: null, percent: null, isBelowFloor: false });
    expect(of(line.totals, 'HD')).toMatchObject({ value: null, percent: null });
    const own = (await dashboard(silent.id)).totals as Total[];
    expect(own.map((x) => x.value)).toEqual([null, null, null]);
  });

  it('a floor applies to every unit: a union at 25% against 30% is flagged, in the children and its own view', async () => {
    const d = await dashboard(fed.id);
    expect(of(d.totals, 'TL_HM')).toMatchObject({ percent: 32.5, target: 30, targetSource: 'assigned' });
    const lowLine = d.children.find((c: Line) => c.orgId === low.id) as Line;
    const highLine = d.children.find((c: Line) => c.orgId === high.id) as Line;
    expect(of(lowLine.totals, 'TL_HM')).toMatchObject({
      percent: 25,
      target: 30,
      targetSource: 'all_units',
      isBelowFloor: true,
    });
    expect(of(highLine.totals, 'TL_HM')).toMatchObject({ percent: 40, target: 30, isBelowFloor: false });
    // A quota is not inherited: each unit has its own share.
    expect(of(lowLine.totals, 'DV_MAU')).toMatchObject({ target: 400, targetSource: 'assigned' });
    const unit = (await dashboard(low.id)).totals as Total[];
    expect(of(unit, 'TL_HM')).toMatchObject({ target: 30, targetSource: 'all_units', isBelowFloor: true });
    expect(of(unit, 'HD')).toMatchObject({ target: 100, targetSource: 'all_units', isBelowFloor: false });
    expect(of(unit, 'DV_MAU')).toMatchObject({ target: 400, targetSource: 'assigned' });
  });

  it('the targets grid lists the plan’s units as they were, headed by the indicators’ names', async () => {
    // The 2025 reform: the district federation merges into a new commune union, the health union is renamed.
    commune = await buildOrg(t.db, { parent: fed, name: 'Công đoàn xã Tuần Giáo' });
    t.clock.set('2025-07-02T02:00:00Z');
    const merged = await federation.post(`/api/orgs/${silent.id}/merge`, {
      version: 1,
      intoId: commune.id,
      effectiveOn: '2025-07-01',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const renamed = await federation.patch(`/api/orgs/${high.id}`, {
      version: 1,
      name: 'Công đoàn Y tế tỉnh Điện Biên',
      effectiveOn: '2025-07-01',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const grid = await federation.get(`/api/plans/${plan.id}/targets?parentOrgId=${fed.id}`);
    expect(grid.statusCode, grid.body).toBe(200);
    const g = grid.json();
    expect(g.children.map((c: { orgName: string }) => c.orgName)).toEqual([
      'Công đoàn ngành Giáo dục tỉnh Điện Biên',
      'Công đoàn ngành Y tế tỉnh Điện Biên',
      'Liên đoàn Lao động huyện Tuần Giáo',
    ]);
    expect(g.splits.find((s: { indicatorId: number }) => s.indicatorId === ind('DV_MAU'))).toMatchObject({
      childrenSum: 1000,
      difference: 0,
    });
    expect(g.indicators.map((i: { code: string; name: string }) => [i.code, i.name])).toEqual([
      ['HD', 'Công đoàn có chỉ đạo và hoạt động cụ thể hưởng ứng'],
      ['TL_HM', 'Cán bộ, đoàn viên tham gia hiến máu'],
      ['DV_MAU', 'Đơn vị máu tiếp nhận'],
    ]);
    // The dashboard's lines too: the plan's units by their names of 2021.
    const d = await dashboard(fed.id);
    expect(d.children.map((c: Line) => c.orgName)).toEqual([
      'Công đoàn ngành Giáo dục tỉnh Điện Biên',
      'Công đoàn ngành Y tế tỉnh Điện Biên',
      'Liên đoàn Lao động huyện Tuần Giáo',
    ]);
  });
});
