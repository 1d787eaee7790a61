import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg, buildUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';

/**
 * The plans' long lists: the reviewer's queue and a plan's recipients a page at a time, with their filters;
 * a plan's detail that counts its recipients instead of listing them; a draft's recipients edited by what is
 * added and removed; an amendment that records only the recipients it really adds.
 */
describe('reviewer queue and recipients, a page at a time', () => {
  let t: TestApp;
  type Orgs = 'prov' | 'edu' | 'tuanGiao' | 'civil' | 'a1' | 'a2' | 'a3' | 'b1' | 'b2' | 'b3' | 'redCross';
  let o: Record<Orgs, BuiltOrg>;
  let other: BuiltOrg;
  let federation: Session;
  let clerkA1: Session;
  let tuanGiaoAdmin: Session;
  let plan: { id: number; version: number; indicators: { id: number }[] };

  const names: Record<Orgs, string> = {
    prov: 'Liên đoàn Lao động tỉnh Điện Biên',
    edu: 'Công đoàn ngành Giáo dục tỉnh Điện Biên',
    tuanGiao: 'Liên đoàn Lao động huyện Tuần Giáo',
    civil: 'Công đoàn Viên chức tỉnh Điện Biên',
    a1: 'CĐCS Trường Tiểu học Lê Lợi',
    a2: 'CĐCS Trường THCS Quang Trung',
    a3: 'CĐCS Trường Mầm non Hoa Sen',
    b1: 'CĐCS Xã Quài Tở',
    b2: 'CĐCS Xã Chiềng Sinh',
    b3: 'CĐCS Bệnh viện Đa khoa huyện Tuần Giáo',
    redCross: 'Hội Chữ thập đỏ tỉnh Điện Biên',
  };
  /** Every expected reporter by name without diacritics, the list's default order. */
  const byName: Orgs[] = ['b3', 'a3', 'a2', 'a1', 'b2', 'b1', 'civil'];
  const reporters: Orgs[] = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'civil'];

  const list = async (s: Session, query: string) => {
    const res = await s.get(`/api/plans/${plan.id}/reports?periodKey=once&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: {
        orgId: number;
        orgName: string;
        lineName: string | null;
        status: string;
        timeliness: string;
      }[];
      total: number;
      page: number;
      pageSize: number;
    };
  };
  const unitsOf = (page: { items: { orgName: string }[] }) => page.items.map((i) => i.orgName);
  const named = (...keys: Orgs[]) => keys.map((k) => names[k]);

  const submit = async (s: Session, org: Orgs, at: string, isSubmit = true) => {
    t.clock.set(at);
    const res = await s.post(`/api/plans/${plan.id}/reports`, {
      orgId: o[org].id,
      periodKey: 'once',
      version: 0,
      submit: isSubmit,
      values: [{ indicatorId: plan.indicators[0]!.id, value: 10 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; version: number };
  };

  beforeAll(async () => {
    t = await createTestApp('2024-05-01T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    const prov = await buildOrg(t.db, { name: names.prov });
    const edu = await buildOrg(t.db, { parent: prov, name: names.edu });
    const tuanGiao = await buildOrg(t.db, { parent: prov, name: names.tuanGiao });
    o = {
      prov,
      edu,
      tuanGiao,
      civil: await buildOrg(t.db, { parent: prov, name: names.civil }),
      a1: await buildOrg(t.db, { parent: edu, name: names.a1 }),
      a2: await buildOrg(t.db, { parent: edu, name: names.a2 }),
      a3: await buildOrg(t.db, { parent: edu, name: names.a3 }),
      b1: await buildOrg(t.db, { parent: tuanGiao, name: names.b1 }),
      b2: await buildOrg(t.db, { parent: tuanGiao, name: names.b2 }),
      b3: await buildOrg(t.db, { parent: tuanGiao, name: names.b3 }),
      redCross: await buildOrg(t.db, { name: names.redCross, kind: 'red_cross' }),
    };
    other = await buildOrg(t.db, { name: 'Liên đoàn Lao động tỉnh Lai Châu' });
    const as = async (org: BuiltOrg, role: string) => {
      const u = await buildUser(t.db, { grants: [{ org, role }] });
      return signIn(t, u.username, u.password);
    };
    federation = await as(o.prov, 'org_admin');
    clerkA1 = await as(o.a1, 'data_entry');
    tuanGiaoAdmin = await as(o.tuanGiao, 'org_admin');
    const clerks = Object.fromEntries(
      await Promise.all(reporters.map(async (k) => [k, await as(o[k], 'data_entry')] as const)),
    ) as Record<Orgs, Session>;

    const created = await federation.post('/api/plans', {
      issuerOrgId: o.prov.id,
      kind: 'guidance',
      number: '45/HD-LĐLĐ',
      title: 'Hướng dẫn tổ chức Ngày hội hiến máu tình nguyện năm 2024',
      issuedOn: '2024-05-01',
      periodStart: '2024-05-01',
      periodEnd: '2024-05-31',
      reportPeriodType: 'once',
      reportDueOn: '2024-05-15',
      reporterOrgIds: reporters.map((k) => o[k].id),
      copyOrgIds: [o.redCross.id, o.edu.id],
      indicators: [{ code: 'DV_MAU', name: 'Đơn vị máu tiếp nhận', unit: 'đơn vị', kind: 'count' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    plan = (await federation.post(`/api/plans/${created.json().id}/issue`, { version: 1 })).json();

    // a1, b1 on time; a2 a draft; b2 late; a1 accepted, b1 returned; a3, b3 and civil never start.
    await submit(clerks.a1, 'a1', '2024-05-10T03:00:00Z');
    await submit(clerks.b1, 'b1', '2024-05-10T04:00:00Z');
    await submit(clerks.a2, 'a2', '2024-05-12T04:00:00Z', false);
    await submit(clerks.b2, 'b2', '2024-05-18T04:00:00Z');
    t.clock.set('2024-05-19T02:00:00Z');
    const queue = await list(federation, `orgId=${o.prov.id}&status=submitted&pageSize=10`);
    const reportOf = async (org: Orgs) => {
      const row = queue.items.find((i) => i.orgName === names[org]) as unknown as { reportId: number };
      return (await federation.get(`/api/plans/${plan.id}/reports/${row.reportId}`)).json();
    };
    for (const [org, decision] of [
      ['a1', 'accept'],
      ['b1', 'return'],
    ] as const) {
      const r = await reportOf(org);
      const res = await federation.post(`/api/plans/${plan.id}/reports/${r.id}/review`, {
        version: r.version,
        decision,
        comment: decision === 'return' ? 'Số đơn vị máu chưa khớp biên bản' : undefined,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    t.clock.set('2024-05-20T02:00:00Z');
  });

  it('pages through every expected reporter by name, each once, with the line it is under', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const got = await list(federation, `orgId=${o.prov.id}&page=${page}&pageSize=3`);
      expect(got).toMatchObject({ total: 7, page, pageSize: 3 });
      seen.push(...unitsOf(got));
    }
    expect(seen).toEqual(named(...byName));
    const beyond = await list(federation, `orgId=${o.prov.id}&page=4&pageSize=3`);
    expect(beyond).toMatchObject({ items: [], total: 7 });
    const first = (await list(federation, `orgId=${o.prov.id}&pageSize=50`)).items;
    expect(first.find((i) => i.orgName === names.a1)).toMatchObject({
      lineName: names.edu,
      status: 'accepted',
      timeliness: 'on_time',
    });
    // A line that reports itself is its own line: nothing to repeat.
    expect(first.find((i) => i.orgName === names.civil)).toMatchObject({ lineName: null, status: 'none' });
  });

  it('filters by state, timeliness, name without diacritics and child line', async () => {
    const at = (q: string) => list(federation, `orgId=${o.prov.id}&${q}`).then(unitsOf);
    expect(await at('status=submitted')).toEqual(named('b2'));
    expect(await at('status=accepted')).toEqual(named('a1'));
    expect(await at('status=draft')).toEqual(named('a2'));
    expect(await at('status=none')).toEqual(named('b3', 'a3', 'civil'));
    const returned = await list(federation, `orgId=${o.prov.id}&status=returned`);
    expect(returned.items).toEqual([
      expect.objectContaining({ orgName: names.b1, reviewComment: 'Số đơn vị máu chưa khớp biên bản' }),
    ]);
    expect(await at('timeliness=late')).toEqual(named('b2'));
    expect(await at('timeliness=on_time')).toEqual(named('a1', 'b1'));
    // Past the due day, a draft counts as missing like a report never started.
    expect(await at('timeliness=missing')).toEqual(named('b3', 'a3', 'a2', 'civil'));
    expect(await at('q=quai%20to')).toEqual(named('b1'));
    // The unit's own name: the units of the Tuần Giáo line are not found by their line's name.
    expect(await at('q=TUAN%20giao')).toEqual(named('b3'));
    const line = await list(federation, `orgId=${o.tuanGiao.id}`);
    expect(line).toMatchObject({ total: 3 });
    expect(unitsOf(line)).toEqual(named('b3', 'b2', 'b1'));
    expect(line.items.every((i) => i.lineName === null)).toBe(true);
    const both = await list(federation, `orgId=${o.edu.id}&timeliness=missing`);
    expect(both).toMatchObject({ total: 2 });
    expect(unitsOf(both)).toEqual(named('a3', 'a2'));
  });

  it('sorts by state (waiting for review first) and by the last submission', async () => {
    expect(unitsOf(await list(federation, `orgId=${o.prov.id}&sort=status`))).toEqual(
      named('b2', 'b1', 'a2', 'b3', 'a3', 'civil', 'a1'),
    );
    expect(unitsOf(await list(federation, `orgId=${o.prov.id}&sort=submittedAt&order=desc`))).toEqual(
      named('b2', 'b1', 'a1', 'b3', 'a3', 'a2', 'civil'),
    );
    expect(unitsOf(await list(federation, `orgId=${o.prov.id}&order=desc&pageSize=2`))).toEqual(
      named('civil', 'b1'),
    );
  });

  it('refuses what it cannot list, naming the field', async () => {
    const outside = await federation.get(`/api/plans/${plan.id}/reports?orgId=${other.id}`);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.issues[0].path).toBe('querystring.orgId');
    const wrongPeriod = await federation.get(
      `/api/plans/${plan.id}/reports?orgId=${o.prov.id}&periodKey=2024`,
    );
    expect(wrongPeriod.statusCode).toBe(400);
    expect(wrongPeriod.json().error.details.issues[0].path).toBe('querystring.periodKey');
    const bad = await federation.get(
      `/api/plans/${plan.id}/reports?orgId=${o.prov.id}&status=late&pageSize=500`,
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['querystring.pageSize', 'querystring.status']);
    // A unit's clerk sees its own report, not the federation's queue: the federation is not found.
    expect((await clerkA1.get(`/api/plans/${plan.id}/reports?orgId=${o.prov.id}`)).statusCode).toBe(400);
  });

  it('counts the recipients in the plan detail and pages through them', async () => {
    const detail = (await federation.get(`/api/plans/${plan.id}`)).json();
    expect(detail.recipientCounts).toEqual({ reporters: 7, copies: 2 });
    expect(detail).not.toHaveProperty('reporters');
    // Reporters first, higher levels first, then by name; copies last.
    expect(detail.recipients.map((r: { orgName: string }) => r.orgName)).toEqual([
      ...named('civil', 'b3', 'a3', 'a2', 'a1', 'b2', 'b1'),
      ...named('redCross', 'edu'),
    ]);
    const page = (q: string) => federation.get(`/api/plans/${plan.id}/recipients?${q}`).then((r) => r.json());
    expect(await page('role=copy')).toMatchObject({
      total: 2,
      items: [
        { orgName: names.redCross, role: 'copy', parentName: null },
        { orgName: names.edu, role: 'copy', parentName: names.prov },
      ],
    });
    const second = await page('role=reporter&page=2&pageSize=4');
    expect(second).toMatchObject({ total: 7, page: 2, pageSize: 4 });
    expect(unitsOf({ items: second.items })).toEqual(named('a1', 'b2', 'b1'));
    expect(unitsOf(await page('q=hoa%20sen'))).toEqual(named('a3'));
    expect(unitsOf(await page('q=dien%20bien'))).toEqual(named('civil', 'redCross', 'edu'));
    // Whoever sees the plan sees its recipients; another province does not see the plan.
    expect((await clerkA1.get(`/api/plans/${plan.id}/recipients`)).json().total).toBe(9);
    const lai = await buildUser(t.db, { grants: [{ org: other, role: 'org_admin' }] });
    const stranger = await signIn(t, lai.username, lai.password);
    expect((await stranger.get(`/api/plans/${plan.id}/recipients`)).statusCode).toBe(404);
  });

  it('offers each caller the units it may act for, its own first, with how many there are', async () => {
    const clerk = (await clerkA1.get(`/api/plans/${plan.id}`)).json();
    expect(clerk.can).toMatchObject({
      manage: false,
      reportFor: [{ orgId: o.a1.id, orgName: names.a1 }],
      reportForTotal: 1,
      implementAs: [],
      implementAsTotal: 0,
    });
    const district = (await tuanGiaoAdmin.get(`/api/plans/${plan.id}`)).json();
    expect(district.can.implementAs.map((r: { orgName: string }) => r.orgName)).toEqual(
      named('b3', 'b2', 'b1'),
    );
    expect(district.can.implementAsTotal).toBe(3);
    const canReport = await tuanGiaoAdmin.get(
      `/api/plans/${plan.id}/recipients?can=report&pageSize=2&page=2`,
    );
    expect(canReport.json()).toMatchObject({ total: 3, items: [{ orgName: names.b1 }] });
    const fed = (await federation.get(`/api/plans/${plan.id}`)).json();
    // The federation's own organisation is not a recipient; the units that are come first by level.
    expect(fed.can.reportForTotal).toBe(7);
    // Every recipient under the federation, the copy to its education union too; not the Red Cross.
    expect(fed.can.implementAsTotal).toBe(8);
  });

  it('names at most 20 recipients in the detail, and the rest a page away', async () => {
    const park = await buildOrg(t.db, {
      parent: o.prov,
      name: 'Công đoàn các Khu công nghiệp tỉnh Điện Biên',
    });
    const units: BuiltOrg[] = [];
    for (let i = 1; i <= 23; i++)
      units.push(
        await buildOrg(t.db, { parent: park, name: `CĐCS Công ty số ${String(i).padStart(2, '0')}` }),
      );
    const draft = await federation.post('/api/plans', {
      issuerOrgId: o.prov.id,
      kind: 'plan',
      number: '46/KH-LĐLĐ',
      title: 'Kế hoạch gửi nhiều đơn vị',
      issuedOn: '2024-05-20',
      periodStart: '2024-06-01',
      periodEnd: '2024-06-30',
      reportPeriodType: 'once',
      reportDueOn: '2024-06-30',
      reporterOrgIds: units.map((u) => u.id),
      indicators: [{ code: 'DV_MAU', name: 'Đơn vị máu tiếp nhận', kind: 'count' }],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().recipients).toHaveLength(20);
    expect(draft.json().recipientCounts).toEqual({ reporters: 23, copies: 0 });
    // A draft: nobody reports for it yet.
    expect(draft.json().can).toMatchObject({ reportFor: [], reportForTotal: 0 });
    const issued = (await federation.post(`/api/plans/${draft.json().id}/issue`, { version: 1 })).json();
    expect(issued.can.reportFor).toHaveLength(20);
    expect(issued.can.reportForTotal).toBe(23);
    const rest = (
      await federation.get(`/api/plans/${issued.id}/recipients?can=report&page=2&pageSize=20`)
    ).json();
    expect(rest.items.map((r: { orgName: string }) => r.orgName)).toEqual([
      'CĐCS Công ty số 21',
      'CĐCS Công ty số 22',
      'CĐCS Công ty số 23',
    ]);
  });

  it('edits a draft’s recipients by what is added and removed, or replaces a list whole', async () => {
    const fields = {
      issuerOrgId: o.prov.id,
      kind: 'plan',
      number: '47/KH-LĐLĐ',
      title: 'Kế hoạch dự thảo',
      issuedOn: '2024-05-20',
      periodStart: '2024-06-01',
      periodEnd: '2024-06-30',
      reportPeriodType: 'once',
      reportDueOn: '2024-06-30',
      indicators: [{ code: 'DV_MAU', name: 'Đơn vị máu tiếp nhận', kind: 'count' }],
    };
    const draft = (
      await federation.post('/api/plans', {
        ...fields,
        reporterOrgIds: [o.a1.id, o.a2.id],
        copyOrgIds: [o.redCross.id],
      })
    ).json();
    let version = draft.version as number;
    const put = async (change: object) => {
      const res = await federation.request({
        method: 'PUT',
        url: `/api/plans/${draft.id}`,
        json: { ...fields, ...change, version },
      });
      if (res.statusCode === 200) version = res.json().version;
      return res;
    };
    const roles = async () =>
      (await federation.get(`/api/plans/${draft.id}/recipients?pageSize=50`))
        .json()
        .items.map((r: { orgName: string; role: string }) => `${r.role}: ${r.orgName}`);

    // Nothing about recipients in the body: they stay.
    expect((await put({ title: 'Kế hoạch dự thảo (sửa)' })).statusCode).toBe(200);
    expect(await roles()).toEqual([
      `reporter: ${names.a2}`,
      `reporter: ${names.a1}`,
      `copy: ${names.redCross}`,
    ]);
    const changed = await put({
      removeRecipientOrgIds: [o.a2.id, o.a1.id],
      addReporterOrgIds: [o.b1.id],
      addCopyOrgIds: [o.a1.id, o.civil.id],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().recipientCounts).toEqual({ reporters: 1, copies: 3 });
    expect(await roles()).toEqual([
      `reporter: ${names.b1}`,
      `copy: ${names.redCross}`,
      `copy: ${names.civil}`,
      `copy: ${names.a1}`,
    ]);
    const mixed = await put({ reporterOrgIds: [o.a3.id], addCopyOrgIds: [o.edu.id] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details.issues[0].path).toBe('body.reporterOrgIds');
    const outside = await put({ addReporterOrgIds: [o.a3.id, o.redCross.id] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.issues).toEqual([
      { path: 'body.addReporterOrgIds.1', message: expect.stringContaining('trực thuộc cơ quan ban hành') },
    ]);
    // The reporters replaced whole; the copies left out stay.
    expect((await put({ reporterOrgIds: [o.a3.id] })).statusCode).toBe(200);
    expect(await roles()).toEqual([
      `reporter: ${names.a3}`,
      `copy: ${names.redCross}`,
      `copy: ${names.civil}`,
      `copy: ${names.a1}`,
    ]);
  });

  it('amends with only the recipients it really adds; a copy asked to report is expected from then on', async () => {
    const current = (await federation.get(`/api/plans/${plan.id}`)).json();
    const amend = (body: object) =>
      federation.post(`/api/plans/${plan.id}/amend`, {
        version: current.version,
        revisedOn: '2024-05-20',
        reason: 'Bổ sung đơn vị báo cáo theo chỉ đạo',
        ...body,
      });
    const nothing = await amend({ addReporterOrgIds: [o.a1.id], addCopyOrgIds: [o.redCross.id] });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.details.issues[0].message).toContain('không thay đổi gì');
    const res = await amend({ addReporterOrgIds: [o.a1.id, o.edu.id], addCopyOrgIds: [o.redCross.id] });
    expect(res.statusCode, res.body).toBe(200);
    const revision = res.json().revisions[0];
    expect(revision.changes).toEqual({ addedReporters: [o.edu.id] });
    expect(revision.orgNames).toEqual({ [String(o.edu.id)]: names.edu });
    expect(res.json().recipientCounts).toEqual({ reporters: 8, copies: 1 });
    const edu = (await federation.get(`/api/plans/${plan.id}/recipients?q=nganh%20giao%20duc`)).json();
    expect(edu.items).toEqual([expect.objectContaining({ role: 'reporter', addedOn: '2024-05-20' })]);
    // Added after the report was due (15/5): not expected for it.
    expect((await list(federation, `orgId=${o.prov.id}`)).total).toBe(7);
  });
});
