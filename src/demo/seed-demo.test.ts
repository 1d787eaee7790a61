import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../test/helpers/test-app.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { rows } from '../platform/db/database.ts';
import { indicatorSource } from '../platform/indicators.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import { seedDemo } from './seed-demo.ts';

/** Loading the whole demo (seed 004's 26,000 volunteers included) on a busy machine takes more than the default hook time. */
const DEMO_SEED_TIMEOUT = 300_000;

describe('the demo dataset', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db, systemClock);
    admin = await signIn(t, 'admin', DEMO_PASSWORD);
  }, DEMO_SEED_TIMEOUT);

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
      'cuc.khcndt',
      'tnv.ydhp',
      'sv.ydhp',
      'hienmau.dienbien',
      'nguoihien.dienbien',
      'hienmau.ytedb',
      'huyethoc.bvdk',
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

  it('holds seed 004 as reported on 24/5/2021: 34 institutions, 23,888 ready; 15 of them with 1,976 deployed', async () => {
    // The status each profile had on 24/5/2021, from its dated history (the report's day).
    const asOf = await rows<{ status: string; n: number; orgs: number }>(
      t.db,
      sql`SELECT status, count(*)::int AS n, count(DISTINCT org_id)::int AS orgs FROM (
            SELECT DISTINCT ON (c.profile_id) c.to_status AS status, p.org_id
            FROM volunteer_status_changes c JOIN volunteer_profiles p ON p.id = c.profile_id
            WHERE c.on_date <= '2021-05-24' ORDER BY c.profile_id, c.on_date DESC, c.id DESC) x
          GROUP BY status ORDER BY status`,
    );
    expect(asOf.find((r) => r.status === 'ready')).toMatchObject({ n: 23_888, orgs: 34 });
    expect(asOf.find((r) => r.status === 'deployed')).toMatchObject({ n: 1_976, orgs: 15 });
    const [tree] = await rows<{ schools: number; cuc: number }>(
      t.db,
      sql`SELECT count(*) FILTER (WHERE o.kind = 'training_institution')::int AS schools,
                 count(*) FILTER (WHERE o.name = 'Cục Khoa học công nghệ và Đào tạo')::int AS cuc
          FROM organisations o JOIN organisations byt ON byt.id = o.parent_id AND byt.name = 'Bộ Y tế'`,
    );
    expect(tree).toEqual({ schools: 34, cuc: 1 });
    // Today: wave 2 took 375 of the ready ones, so ready + wave 2's deployed is still the report's figure.
    const [live] = await rows<{ ready: number; wave2: number; deployed: number }>(
      t.db,
      sql`SELECT count(*) FILTER (WHERE status = 'ready')::int AS ready,
                 count(*) FILTER (WHERE status = 'deployed')::int AS deployed,
                 (SELECT count(*)::int FROM volunteer_assignments a JOIN mobilisation_waves w ON w.id = a.wave_id
                  WHERE w.title LIKE 'Đợt 2%') AS wave2
          FROM volunteer_profiles`,
    );
    expect(live).toEqual({ ready: 23_888 - 375, wave2: 375, deployed: 1_976 + 375 });
  });

  it('answers the department the report’s figures on /api/volunteers/readiness as of 24/5/2021, today’s without', async () => {
    const cuc = await signIn(t, 'cuc.khcndt', DEMO_PASSWORD);
    const then = (await cuc.get('/api/volunteers/readiness?asOf=2021-05-24')).json();
    expect(then).toMatchObject({ asOf: '2021-05-24', live: false });
    expect(then.totals).toMatchObject({
      ready: 23_888,
      institutionsReady: 34,
      deployed: 1_976,
      institutionsDeployed: 15,
    });
    const now = (await cuc.get('/api/volunteers/readiness')).json();
    expect(now).toMatchObject({ live: true });
    expect(now.totals).toMatchObject({ ready: 23_888 - 375, deployed: 1_976 + 375 });
  });

  it('holds wave 2 of 27/5/2021: 5 quotas of 375 filled with named volunteers, two refusals with their reasons', async () => {
    const [wave] = await rows<{ id: number; basisKind: string; basisSigner: string; status: string }>(
      t.db,
      sql`SELECT id, basis_kind AS "basisKind", basis_signer AS "basisSigner", status FROM mobilisation_waves
          WHERE starts_on = '2021-05-27'`,
    );
    expect(wave).toMatchObject({ basisKind: 'order', status: 'deployed' });
    expect(wave!.basisSigner).toContain('Nguyễn Trường Sơn');
    const [q] = await rows<{ n: number; total: number; accepted: number; assigned: number }>(
      t.db,
      sql`SELECT count(*)::int AS n, sum(quota)::int AS total,
                 (SELECT count(*)::int FROM wave_members WHERE wave_id = ${wave!.id} AND status = 'accepted') AS accepted,
                 (SELECT count(*)::int FROM volunteer_assignments WHERE wave_id = ${wave!.id}) AS assigned
          FROM wave_quotas WHERE wave_id = ${wave!.id}`,
    );
    expect(q).toEqual({ n: 5, total: 375, accepted: 375, assigned: 375 });
    const dest = await rows<{ code: string; name: string }>(
      t.db,
      sql`SELECT admin_unit_code AS code, admin_unit_name AS name FROM wave_destinations
          WHERE wave_id = ${wave!.id} ORDER BY code`,
    );
    expect(dest).toEqual([
      { code: '24', name: 'Tỉnh Bắc Giang' },
      { code: '27', name: 'Tỉnh Bắc Ninh' },
    ]);
    const refused = await rows<{ code: string }>(
      t.db,
      sql`SELECT r->>'code' AS code FROM wave_members m CROSS JOIN jsonb_array_elements(m.reasons) r
          WHERE m.wave_id = ${wave!.id} AND m.status = 'refused' ORDER BY 1`,
    );
    expect(refused.map((r) => r.code)).toEqual(['overlap', 'topic_missing']);
    // Every deployed volunteer holds a valid certificate of each of the four topics; the refused one lacks one.
    const [topics] = await rows<{ courses: number; gaps: number }>(
      t.db,
      sql`SELECT (SELECT count(*)::int FROM wave_topics wt JOIN course_types ct ON ct.id = wt.course_type_id
                  WHERE wt.wave_id = ${wave!.id} AND ct.family = 'custom' AND ct.owner_org_id IS NOT NULL) AS courses,
                 (SELECT count(*)::int FROM wave_members m CROSS JOIN wave_topics wt
                  WHERE m.wave_id = ${wave!.id} AND wt.wave_id = m.wave_id AND m.status = 'accepted'
                    AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.person_id = m.person_id
                                    AND c.course_type_id = wt.course_type_id AND c.status = 'valid')) AS gaps`,
    );
    expect(topics).toEqual({ courses: 4, gaps: 0 });
  });

  it('signs in the seed 004 accounts; the student is a person of the registry deployed to Bắc Giang', async () => {
    for (const u of ['cuc.khcndt', 'tnv.ydhp', 'sv.ydhp'])
      await expect(signIn(t, u, DEMO_PASSWORD)).resolves.toBeTruthy();
    const [sv] = await rows<{ fullName: string; org: string; site: string; destination: string }>(
      t.db,
      sql`SELECT p.full_name AS "fullName", o.name AS org, a.site, d.admin_unit_name AS destination
          FROM users u JOIN people p ON p.id = u.person_id
          JOIN volunteer_profiles vp ON vp.person_id = p.id JOIN organisations o ON o.id = vp.org_id
          JOIN volunteer_assignments a ON a.person_id = p.id AND a.starts_on = '2021-05-27'
          JOIN wave_destinations d ON d.id = a.destination_id
          WHERE u.username = 'sv.ydhp'`,
    );
    expect(sv).toEqual({
      fullName: 'Đỗ Thị Hồng Nhung',
      org: 'Trường Đại học Y Dược Hải Phòng',
      site: 'Trung tâm Y tế huyện Việt Yên',
      destination: 'Tỉnh Bắc Giang',
    });
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
  }, DEMO_SEED_TIMEOUT);

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
    // The seed's three targets, each computed from the reports the unions filed from their records (below).
    const total = (code: string) => d.totals.find((x: { code: string }) => x.code === code);
    // Chỉ tiêu 1: every union acts — 4 of 5 said so (Tuần Giáo never reported).
    expect(total('HD')).toMatchObject({ value: 4, target: 100, percent: 80 });
    // Chỉ tiêu 2: ≥ 30% of members gave blood; chỉ tiêu 3: ≥ 105% of the 1,000 units the steering committee set.
    const [rec] = await rows<{ donors: number; men: number; members: number; units: number }>(
      t.db,
      sql`WITH u AS (SELECT path FROM organisations WHERE name IN ('Công đoàn ngành Y tế tỉnh Điện Biên',
                       'Công đoàn ngành Giáo dục tỉnh Điện Biên', 'Công đoàn Viên chức tỉnh Điện Biên',
                       'Liên đoàn Lao động thành phố Điện Biên Phủ',
                       -- the city federation's grassroots unions (and their records) moved here on 1/7/2025
                       'Công đoàn phường Điện Biên Phủ')),
          d AS (SELECT * FROM blood_donations WHERE outcome = 'donated' AND donated_on BETWEEN '2021-04-01' AND '2021-04-30')
          SELECT (SELECT count(DISTINCT person_id) FROM d WHERE member_of_path <@ ANY (SELECT path FROM u))::int AS donors,
                 (SELECT count(DISTINCT d.person_id) FROM d JOIN people p ON p.id = d.person_id
                  WHERE p.sex = 'male' AND member_of_path <@ ANY (SELECT path FROM u))::int AS men,
                 (SELECT sum(workers) FROM workforce_counts w WHERE w.org_path <@ ANY (SELECT path FROM u))::int AS members,
                 (SELECT count(*) FROM d WHERE organiser_path <@ ANY (SELECT path FROM u))::int AS units`,
    );
    expect(rec).toEqual({ donors: 810, men: 396, members: 2970, units: expect.any(Number) });
    expect(total('TL_HM')).toMatchObject({ value: 810, denominator: 2970, percent: 27.3, target: 30 });
    expect(d.breakdowns[0].categories.map((c: { value: number }) => c.value)).toEqual([396, 414]);
    expect(total('DV_MAU')).toMatchObject({
      value: rec!.units,
      target: 1000,
      goalPercent: 105,
      achievementPercent: Math.round((rec!.units / 1050) * 1000) / 10,
    });
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

  it('holds seed 001’s day 7/4/2021: five union drives, donors deferred for haemoglobin, weight and interval, one no-show', async () => {
    const byOutcome = await rows<{ outcome: string; reason: string | null; until: string | null; n: number }>(
      t.db,
      sql`SELECT outcome, deferral_reason AS reason, deferral_until::text AS until, count(*)::int AS n
          FROM blood_donations WHERE donated_on = '2021-04-07' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    // The two deferred by interval gave blood in February: eligible again 84 days after it.
    expect(byOutcome).toEqual([
      { outcome: 'deferred', reason: 'interval', until: '2021-05-15', n: 1 },
      { outcome: 'deferred', reason: 'interval', until: '2021-05-20', n: 1 },
      { outcome: 'deferred', reason: 'low_hemoglobin', until: '2021-07-06', n: 22 },
      { outcome: 'deferred', reason: 'low_weight', until: null, n: 1 },
      { outcome: 'donated', reason: null, until: null, n: 919 },
    ]);
    const [funnel] = await rows<Record<string, number>>(
      t.db,
      sql`SELECT count(DISTINCT dr.id)::int AS drives, count(DISTINCT dr.organiser_org_id)::int AS organisers,
                 count(*) FILTER (WHERE b.status = 'no_show')::int AS "noShow",
                 count(*) FILTER (WHERE b.channel = 'walk_in' AND b.slot_id IS NULL AND b.queue_no > 0)::int AS "walkIns",
                 count(*) FILTER (WHERE b.donation_id IS NULL)::int AS "noDonation",
                 count(*) FILTER (WHERE b.status = 'donated' AND d.outcome = 'donated' AND d.drive_id = dr.id
                                  AND d.certificate_no LIKE 'GCNHM-2021-______-________')::int AS certified
          FROM blood_drives dr JOIN drive_bookings b ON b.drive_id = dr.id
          LEFT JOIN blood_donations d ON d.id = b.donation_id WHERE dr.drive_date = '2021-04-07'`,
    );
    expect(funnel).toEqual({
      drives: 5,
      organisers: 5,
      noShow: 1,
      walkIns: 201,
      noDonation: 1,
      certified: 919,
    });
    const [slots] = await rows<{ over: number }>(
      t.db,
      sql`SELECT count(*)::int AS over FROM drive_slots s
          WHERE s.booked <> (SELECT count(*) FROM drive_bookings b WHERE b.slot_id = s.id)`,
    );
    expect(slots!.over).toBe(0);
  });

  it('files each union’s April 2021 report from its records, and opens Tuần Giáo’s missing form ready to submit', async () => {
    const s = await signIn(t, 'ldld.dienbien', DEMO_PASSWORD);
    const listed = (await s.get('/api/plans'))
      .json()
      .find((p: { number: string }) => p.number === '45/HD-LĐLĐ');
    const plan = (await s.get(`/api/plans/${listed.id}`)).json();
    const [health] = await rows<{ id: number; path: string }>(
      t.db,
      sql`SELECT id, path::text AS path FROM organisations WHERE name = 'Công đoàn ngành Y tế tỉnh Điện Biên'`,
    );
    const q = { orgId: health!.id, orgPath: health!.path, start: '2021-04-01', end: '2021-04-30' };
    const share = await indicatorSource('blood.member_share')!.compute(t.db, q);
    // The hospital's and the CDC's members who gave blood in April (by sex), against their 700 + 250 members.
    expect(share).toMatchObject({ value: 323, denominator: 950 });
    expect(share!.breakdown!.reduce((a, b) => a + b.value, 0)).toBe(323);
    // Its drive also bled some of the provincial office's and the power company's staff.
    const organised = (await indicatorSource('blood.units_organised')!.compute(t.db, q))!.value;
    expect(organised).toBeGreaterThan(323);
    // What the union filed on 27/4/2021 is what its records say.
    const reports = (
      await s.get(`/api/plans/${plan.id}/reports?orgId=${plan.issuerOrgId}&periodKey=once`)
    ).json();
    const filed = (
      await s.get(
        `/api/plans/${plan.id}/reports/${reports.items.find((r: { orgId: number }) => r.orgId === health!.id).reportId}`,
      )
    ).json();
    const byCode = (code: string) =>
      filed.values.find(
        (v: { indicatorId: number }) =>
          v.indicatorId === plan.indicators.find((i: { code: string }) => i.code === code).id,
      );
    expect(byCode('TL_HM')).toMatchObject({ value: 323, denominator: 950, breakdown: share!.breakdown });
    expect(byCode('DV_MAU')).toMatchObject({ value: organised });
    // Tuần Giáo never reported: its form opens with its drive's units, as they are accepted (a split by kind of
    // donation, which the indicator lacks, is not carried into the form). Its grassroots unions moved to Công đoàn
    // xã Tuần Giáo on 1/7/2025, so it has no headcount of its own left and types the share itself.
    const [tg] = await rows<{ id: number }>(
      t.db,
      sql`SELECT id FROM organisations WHERE name = 'Liên đoàn Lao động huyện Tuần Giáo'`,
    );
    const form = (await s.get(`/api/plans/${plan.id}/report-form?orgId=${tg!.id}&periodKey=once`)).json();
    const id = (code: string) => plan.indicators.find((i: { code: string }) => i.code === code).id;
    expect(form.prefilled).toEqual([id('DV_MAU')]);
    const units = form.values.find((v: { indicatorId: number }) => v.indicatorId === id('DV_MAU'));
    expect(units).toMatchObject({ value: expect.any(Number), breakdown: null });
    expect(units.value).toBeGreaterThan(80);
    const saved = await s.post(`/api/plans/${plan.id}/reports`, {
      orgId: tg!.id,
      periodKey: 'once',
      version: 0,
      submit: true,
      values: [
        { indicatorId: id('HD'), value: 1 },
        {
          indicatorId: id('TL_HM'),
          value: 110,
          denominator: 440,
          breakdown: [
            { category: 'NAM', value: 50 },
            { category: 'NU', value: 60 },
          ],
        },
        ...form.values.map(
          (v: { indicatorId: number; value: number; denominator: number | null; breakdown: unknown }) => ({
            indicatorId: v.indicatorId,
            value: v.value,
            ...(v.denominator === null ? {} : { denominator: v.denominator }),
            ...(v.breakdown === null ? {} : { breakdown: v.breakdown }),
          }),
        ),
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'submitted', timeliness: 'late' });
  });

  it('answers the hospital’s O Rh− call-out from the rare-blood club, with counts and no phone number', async () => {
    const [c] = await rows<{ id: number; club: string; kind: string }>(
      t.db,
      sql`SELECT b.id, c.name AS club, c.kind FROM blood_callouts b JOIN donor_clubs c ON c.id = b.club_id`,
    );
    expect(c).toMatchObject({
      club: 'Câu lạc bộ những người có nhóm máu hiếm tỉnh Điện Biên',
      kind: 'rare_blood',
    });
    const admin = await signIn(t, 'admin', DEMO_PASSWORD);
    const res = await admin.get(`/api/blood/callouts/${c!.id}`);
    expect(res.json()).toMatchObject({
      abo: 'O',
      rh: 'neg',
      units: 2,
      status: 'filled',
      counts: { notified: 6, accepted: 3, declined: 1, came: 2, noShow: 0 },
    });
    const phones = await rows<{ phone: string; name: string }>(
      t.db,
      sql`SELECT p.phone, p.full_name AS name FROM callout_replies r JOIN people p ON p.id = r.person_id`,
    );
    for (const p of phones) {
      expect(res.body).not.toContain(p.phone);
      expect(res.body).not.toContain(p.name);
    }
    // Those who came gave blood at the hospital that day.
    const [came] = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM blood_donations d JOIN callout_replies r ON r.person_id = d.person_id
          WHERE r.status = 'came' AND d.donated_on = '2021-05-12' AND d.outcome = 'donated'`,
    );
    expect(came!.n).toBe(2);
  });

  it('puts the donor who reached 20 on 7/4/2021 on the honour list, and signs him in to his own record', async () => {
    const desk = await signIn(t, 'hienmau.dienbien', DEMO_PASSWORD);
    const redCross = (await desk.get('/api/auth/me')).json().grants[0].orgId;
    const april = `orgId=${redCross}&from=2021-04-01&to=2021-04-30`;
    const individuals = (await desk.get(`/api/blood/honours/candidates?${april}`)).json();
    expect(individuals.map((c: { name: string; donations: number }) => `${c.name} ${c.donations}`)).toEqual([
      'Lường Văn Chiến 20',
    ]);
    expect(individuals[0].rules).toEqual([expect.objectContaining({ threshold: 20 })]);
    const families = (await desk.get(`/api/blood/honours/candidates?${april}&kind=family`)).json();
    expect(families).toEqual([expect.objectContaining({ donations: 35, personId: individuals[0].personId })]);
    // The federation, under the national defaults, sees the same candidate among its unions' members.
    const fed = await signIn(t, 'ldld.dienbien', DEMO_PASSWORD);
    const fedOrg = (await fed.get('/api/auth/me')).json().grants[0].orgId;
    const fromFed = (
      await fed.get(`/api/blood/honours/candidates?orgId=${fedOrg}&from=2021-04-01&to=2021-04-30`)
    ).json();
    expect(fromFed.map((c: { name: string }) => c.name)).toEqual(['Lường Văn Chiến']);
    const [me] = await rows<{ personId: number }>(
      t.db,
      sql`SELECT person_id AS "personId" FROM users WHERE username = 'nguoihien.dienbien'`,
    );
    expect(me!.personId).toBe(individuals[0].personId);
    await expect(signIn(t, 'nguoihien.dienbien', DEMO_PASSWORD)).resolves.toBeTruthy();
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
  }, DEMO_SEED_TIMEOUT);

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
