import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg, buildUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';

type Behind = { orgId: number; orgName: string; lineName: string | null; timeliness: 'late' | 'missing' };

/**
 * A guidance with more late and missing units than the dashboard names: the dashboard lists the first 50
 * by name and says how many there are; the paged list has every one of them.
 */
describe('plan dashboard with many units behind', () => {
  let t: TestApp;
  let federation: Session;
  let healthClerk: Session;
  let bacNinh: Session;
  let fed: BuiltOrg;
  let healthUnion: BuiltOrg;
  let plan: { id: number; indicators: { id: number }[] };
  const health: BuiltOrg[] = [];
  const education: BuiltOrg[] = [];
  const num = (i: number) => String(i).padStart(2, '0');
  const dashboard = async (s: Session = federation) =>
    (await s.get(`/api/plans/${plan.id}/dashboard?orgId=${fed.id}`)).json();
  const behindPage = (page: number, pageSize: number, s: Session = federation) =>
    s.get(
      `/api/plans/${plan.id}/dashboard/behind?orgId=${fed.id}&periodKey=once&page=${page}&pageSize=${pageSize}`,
    );

  beforeAll(async () => {
    t = await createTestApp('2021-03-22T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    const national = await buildOrg(t.db, { name: 'Tổng Liên đoàn Lao động Việt Nam' });
    fed = await buildOrg(t.db, { parent: national, name: 'Liên đoàn Lao động tỉnh Điện Biên' });
    healthUnion = await buildOrg(t.db, { parent: fed, name: 'Công đoàn ngành Y tế tỉnh Điện Biên' });
    const eduUnion = await buildOrg(t.db, { parent: fed, name: 'Công đoàn ngành Giáo dục tỉnh Điện Biên' });
    for (let i = 1; i <= 30; i++)
      health.push(await buildOrg(t.db, { parent: healthUnion, name: `CĐCS Y tế ${num(i)}` }));
    for (let i = 1; i <= 25; i++)
      education.push(await buildOrg(t.db, { parent: eduUnion, name: `CĐCS Giáo dục ${num(i)}` }));
    const bacNinhOrg = await buildOrg(t.db, { parent: national, name: 'Liên đoàn Lao động tỉnh Bắc Ninh' });
    const as = async (org: BuiltOrg, role: string) => {
      const u = await buildUser(t.db, { grants: [{ org, role }] });
      return signIn(t, u.username, u.password);
    };
    federation = await as(fed, 'org_admin');
    healthClerk = await as(healthUnion, 'data_entry');
    bacNinh = await as(bacNinhOrg, 'org_admin');
    const created = await federation.post('/api/plans', {
      issuerOrgId: fed.id,
      kind: 'guidance',
      number: '46/HD-LĐLĐ',
      title: 'Báo cáo kết quả Tháng hành động về ATVSLĐ 2021',
      issuedOn: '2021-03-22',
      periodStart: '2021-04-01',
      periodEnd: '2021-04-30',
      legalBases: [],
      reportPeriodType: 'once',
      reportDueOn: '2021-04-30',
      reporterOrgIds: [...health, ...education].map((u) => u.id),
      copyOrgIds: [],
      indicators: [{ code: 'TT', name: 'Số buổi tuyên truyền', unit: 'buổi', kind: 'count' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json();
    const issued = await federation.post(`/api/plans/${plan.id}/issue`, { version: created.json().version });
    expect(issued.json().status).toBe('issued');
    const submit = async (unit: BuiltOrg) => {
      const res = await healthClerk.post(`/api/plans/${plan.id}/reports`, {
        orgId: unit.id,
        periodKey: 'once',
        version: 0,
        submit: true,
        values: [{ indicatorId: plan.indicators[0]!.id, value: 2 }],
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    t.clock.set('2021-04-28T03:00:00Z');
    for (const u of health.slice(2, 5)) await submit(u);
    t.clock.set('2021-05-02T03:00:00Z');
    for (const u of health.slice(0, 2)) await submit(u);
  });

  it('before the due day has passed, only late units are behind and nobody is missing yet', async () => {
    t.clock.set('2021-04-30T16:00:00Z'); // 23:00 on the due day in Hà Nội
    const d = await dashboard();
    expect(d.completeness).toEqual({ expected: 55, reported: 5, onTime: 3, late: 2, missing: 0 });
    expect(d.behindTotal).toBe(2);
    expect(d.behind.map((b: Behind) => b.orgName)).toEqual(['CĐCS Y tế 01', 'CĐCS Y tế 02']);
  });

  it('names the first 50 late or missing units by name and says how many there are', async () => {
    t.clock.set('2021-05-05T02:00:00Z');
    const d = await dashboard();
    expect(d.completeness).toEqual({ expected: 55, reported: 5, onTime: 3, late: 2, missing: 50 });
    expect(d.behindTotal).toBe(52);
    expect(d.behind).toHaveLength(50);
    // By name: the 25 education unions (none reported), then health 01–02 (late) and 06… (missing).
    expect(d.behind.slice(0, 2)).toEqual([
      {
        orgId: education[0]!.id,
        orgName: 'CĐCS Giáo dục 01',
        lineName: 'Công đoàn ngành Giáo dục tỉnh Điện Biên',
        timeliness: 'missing',
      },
      {
        orgId: education[1]!.id,
        orgName: 'CĐCS Giáo dục 02',
        lineName: 'Công đoàn ngành Giáo dục tỉnh Điện Biên',
        timeliness: 'missing',
      },
    ]);
    expect(d.behind.slice(25, 28).map((b: Behind) => [b.orgName, b.timeliness])).toEqual([
      ['CĐCS Y tế 01', 'late'],
      ['CĐCS Y tế 02', 'late'],
      ['CĐCS Y tế 06', 'missing'],
    ]);
    expect(d.behind.at(-1).orgName).toBe('CĐCS Y tế 28');
    expect(d.children.map((c: { orgName: string; expected: number; reported: number }) => c)).toMatchObject([
      { orgName: 'Công đoàn ngành Giáo dục tỉnh Điện Biên', expected: 25, reported: 0 },
      { orgName: 'Công đoàn ngành Y tế tỉnh Điện Biên', expected: 30, reported: 5 },
    ]);
  });

  it('pages through every unit behind, in the same order as the dashboard', async () => {
    const first = (await behindPage(1, 50)).json();
    expect(first).toMatchObject({ total: 52, page: 1, pageSize: 50 });
    expect(first.items).toEqual((await dashboard()).behind);
    const last = (await behindPage(2, 50)).json();
    expect(last.items.map((b: Behind) => b.orgName)).toEqual(['CĐCS Y tế 29', 'CĐCS Y tế 30']);
    const small: Behind[] = [];
    for (let p = 1; p <= 6; p++) small.push(...(await behindPage(p, 10)).json().items);
    expect(small.map((b) => b.orgId)).toEqual([...first.items, ...last.items].map((b: Behind) => b.orgId));
  });

  it('keeps the list to those who may see the dashboard, and names a wrong period', async () => {
    const outside = await behindPage(1, 50, bacNinh);
    expect(outside.statusCode).toBe(404);
    const wrong = await federation.get(
      `/api/plans/${plan.id}/dashboard/behind?orgId=${fed.id}&periodKey=2021`,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toBe('querystring.periodKey');
    // The health union sees its own subtree: 2 late and 25 missing of its 30.
    const union = await healthClerk.get(
      `/api/plans/${plan.id}/dashboard/behind?orgId=${healthUnion.id}&periodKey=once`,
    );
    expect(union.json()).toMatchObject({ total: 27, items: expect.any(Array) });
    expect(union.json().items[0]).toEqual({
      orgId: health[0]!.id,
      orgName: 'CĐCS Y tế 01',
      lineName: null,
      timeliness: 'late',
    });
    const bare = await healthClerk.get(
      `/api/plans/${plan.id}/dashboard/behind?orgId=${fed.id}&periodKey=once`,
    );
    // An organisation outside the caller's scope is not found, on the field that names it.
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details.issues[0].path).toBe('querystring.orgId');
  });
});
