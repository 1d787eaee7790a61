import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../test/helpers/test-app.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { rows } from '../platform/db/database.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import { seedDemo } from './seed-demo.ts';

describe('the demo dataset', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db, systemClock);
    admin = await signIn(t, 'admin', DEMO_PASSWORD);
  });

  it('signs in every demo account listed in the README', async () => {
    for (const u of [
      'admin',
      'ctd.bacninh',
      'ldld.bacninh',
      'ldld.dienbien',
      'nhaplieu.kcn',
      'nhaplieu.ytedb',
      'xem.dienbien',
      'ttdvnd',
      'nhansu.quevo',
    ]) {
      await expect(signIn(t, u, DEMO_PASSWORD)).resolves.toBeTruthy();
    }
  });

  it('keeps Bắc Giang’s federation readable as merged into Bắc Ninh’s on 1/7/2025, with its units moved', async () => {
    const found = (
      await admin.get('/api/orgs?q=lien%20doan%20lao%20dong%20tinh%20bac%20giang&status=all')
    ).json();
    const bacGiang = found.items[0];
    expect(bacGiang).toMatchObject({ name: 'Liên đoàn Lao động tỉnh Bắc Giang', status: 'merged' });
    const detail = (await admin.get(`/api/orgs/${bacGiang.id}`)).json();
    expect(detail).toMatchObject({
      closedOn: '2025-07-01',
      mergedIntoName: 'Liên đoàn Lao động tỉnh Bắc Ninh',
    });
    const kcn = (
      await admin.get('/api/orgs?q=cong%20doan%20cac%20khu%20cong%20nghiep%20tinh%20bac%20giang')
    ).json().items[0];
    expect(kcn.parentName).toBe('Liên đoàn Lao động tỉnh Bắc Ninh');
  });

  it('gives the Điện Biên federation admin Điện Biên only', async () => {
    const s = await signIn(t, 'ldld.dienbien', DEMO_PASSWORD);
    const all = (await s.get('/api/orgs?pageSize=200&status=all')).json();
    expect(all.total).toBeGreaterThan(10);
    expect(all.items.some((o: { name: string }) => o.name.includes('Bắc Ninh'))).toBe(false);
  });

  it('is never loaded in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', DEMO_SEED: '1' }).demoSeed).toBe(false);
    expect(loadConfig({}).demoSeed).toBe(true);
    expect(loadConfig({ DEMO_SEED: 'off' }).demoSeed).toBe(false);
  });

  it('names the bad variable when the configuration is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});

describe('the demo plans', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('2026-11-20T03:00:00Z');
    await seedDemo(t.db, t.clock);
  });

  it('shows seed 001 to the Điện Biên federation: 4 of 5 units reported, 3 on time, 1 late, Tuần Giáo missing', async () => {
    const s = await signIn(t, 'ldld.dienbien', DEMO_PASSWORD);
    const plan = (await s.get('/api/plans'))
      .json()
      .find((p: { number: string }) => p.number === '45/HD-LĐLĐ');
    const d = (
      await s.get(`/api/plans/${plan.id}/dashboard?orgId=${plan.issuerOrgId}&periodKey=once`)
    ).json();
    expect(d.completeness).toEqual({ expected: 5, reported: 4, onTime: 3, late: 1, missing: 1 });
    expect(d.behind.map((b: { orgName: string }) => b.orgName).sort()).toEqual([
      'Công đoàn Viên chức tỉnh Điện Biên',
      'Liên đoàn Lao động huyện Tuần Giáo',
    ]);
    // 395 + 160 + 240 + 70 = 865 units of blood against 105% of the 1,000 quota.
    expect(d.totals.find((x: { code: string }) => x.code === 'DV_MAU')).toMatchObject({
      value: 865,
      target: 1000,
      achievementPercent: 82.4,
    });
    expect(d.breakdowns[0].categories.map((c: { value: number }) => c.value)).toEqual([430, 640]);
  });

  it('expects the 2025 OSH report from the departments that took over, not from the merged ones', async () => {
    const s = await signIn(t, 'admin', DEMO_PASSWORD);
    const plan = (await s.get('/api/plans'))
      .json()
      .find((p: { number: string }) => p.number === '2489/QĐ-UBND');
    expect(plan.revision).toBe(1);
    const names = async (period: string) =>
      (await s.get(`/api/plans/${plan.id}/reports?orgId=${plan.issuerOrgId}&periodKey=${period}`))
        .json()
        .items.map((r: { orgName: string; timeliness: string }) => `${r.orgName}: ${r.timeliness}`)
        .sort();
    expect(await names('2024')).toEqual([
      'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh: late',
      'Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh: on_time',
      'Sở Thông tin và Truyền thông tỉnh Bắc Ninh: missing',
    ]);
    expect(await names('2025')).toEqual([
      'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh: missing',
      'Sở Khoa học và Công nghệ tỉnh Bắc Ninh: missing',
      'Sở Nội vụ tỉnh Bắc Ninh: on_time',
    ]);
  });

  it('gives the health union’s clerk the current quarter to report in the inbox', async () => {
    const s = await signIn(t, 'nhaplieu.ytedb', DEMO_PASSWORD);
    const due = (await s.get('/api/reports/due')).json();
    expect(due).toEqual([
      expect.objectContaining({
        planNumber: '12/KH-LĐLĐ',
        periodKey: '2026-Q4',
        status: 'none',
        timeliness: 'pending',
      }),
    ]);
  });
});

describe('the demo training (seed 000)', () => {
  let t: TestApp;
  let centre: Session;
  let hr: Session;
  beforeAll(async () => {
    // The demo is dated relative to the day it is loaded: read it on that day.
    t = await createTestApp(new Date().toISOString());
    await seedDemo(t.db, systemClock);
    centre = await signIn(t, 'ttdvnd', DEMO_PASSWORD);
    hr = await signIn(t, 'nhansu.quevo', DEMO_PASSWORD);
  });

  type Klass = {
    id: number;
    code: string;
    status: string;
    capacity: number;
    enrolled: number;
    customerName: string;
  };

  it('shows the Center the request for 120 workers as 4 classes of 30, three done and one open with seats', async () => {
    const requests = (await centre.get('/api/training/requests')).json();
    expect(requests).toEqual([
      expect.objectContaining({
        requesterName: 'Công ty TNHH Điện tử Quế Võ',
        learners: 120,
        status: 'scheduled',
      }),
    ]);
    expect(requests[0].classIds).toHaveLength(4);
    const classes = ((await centre.get('/api/training/classes')).json() as Klass[]).filter((c) =>
      c.code.startsWith('QV-SCC'),
    );
    expect(classes.map((c) => `${c.code} ${c.status} ${c.enrolled}/${c.capacity}`).sort()).toEqual([
      'QV-SCC-01 completed 30/30',
      'QV-SCC-02 completed 30/30',
      'QV-SCC-03 completed 30/30',
      'QV-SCC-04 open 22/30',
    ]);
    const done = (
      await centre.get(`/api/training/classes/${classes.find((c) => c.code === 'QV-SCC-02')!.id}`)
    ).json();
    expect(done.trainers).toHaveLength(2);
    expect(done.enrolments.map((e: { outcome: string }) => e.outcome).sort()).toEqual(
      expect.arrayContaining(['fail', 'no_show', 'pass']),
    );
  });

  it('has certificates, one of them revoked, and the enterprise sees who must retrain soon', async () => {
    const revoked = (await centre.get('/api/training/certificates?status=revoked')).json();
    expect(revoked.total).toBe(1);
    expect(revoked.items[0].statusReason).toContain('Cấp nhầm');
    // Seeded through the services at the dates things happened: no certificate predates its class's last session.
    const [early] = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id
          WHERE c.issued_on < (SELECT max(((s.starts_at AT TIME ZONE 'UTC') + interval '7 hours')::date)
                               FROM class_sessions s WHERE s.class_id = e.class_id)`,
    );
    expect(early!.n).toBe(0);
    const queVo = (await hr.get('/api/auth/me')).json().grants[0].orgId;
    const view = (await hr.get(`/api/training/compliance/${queVo}`)).json();
    const expiring = view.due.filter((d: { reason: string; courseCode: string }) => d.reason === 'expiring');
    // The first class's certificates (11 months ago, valid 12) expire within the page's 60 days.
    expect(expiring.length).toBeGreaterThanOrEqual(25);
    expect(expiring[0]).toMatchObject({ courseCode: 'SCC_NLD', kind: 'refresher', hours: 4 });
    expect(view.firstAiders).toMatchObject({
      headcount: 850,
      headcountSource: 'declared',
      required: 6,
      have: 4,
      shortfall: 2,
    });
    const verify = await t.app.inject({ method: 'GET', url: `/api/verify/${revoked.items[0].verifyCode}` });
    expect(verify.json().state).toBe('revoked');
  });
});
