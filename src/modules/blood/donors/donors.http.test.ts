import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import { pdfText } from '../../../../test/helpers/pdf.fixtures.ts';
import { expectFieldRefusal, expectNotFound } from '../../../../test/helpers/refusals.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';

/**
 * Điện Biên, December 2026: a union's blood organiser adds donors, the collection desk (blood.health) records
 * their group, weight and attempts; another province's union sees none of it.
 */
describe('donors and donations', () => {
  let t: TestApp;
  let dienBien: BuiltOrg;
  let bacNinh: BuiltOrg;
  let hospital: BuiltOrg;
  let organiser: Session; // blood_organiser at Điện Biên: blood.manage, no blood.health
  let desk: Session; // blood_desk at Điện Biên: blood.manage + blood.health
  let otherDesk: Session; // blood_desk at Bắc Ninh
  let an: { id: number; personId: number; donorNo: string };
  const anPerson = {
    fullName: 'Nguyễn Văn An',
    birthDate: '1990-05-07',
    sex: 'male',
    cccd: '027090012345',
    phone: '0912345678',
  };

  beforeAll(async () => {
    t = await createTestApp('2026-12-18T03:00:00Z');
    const root = await buildOrg(t.db, { name: 'Tổng Liên đoàn Lao động Việt Nam' });
    dienBien = await buildOrg(t.db, { parent: root, name: 'Liên đoàn Lao động tỉnh Điện Biên' });
    bacNinh = await buildOrg(t.db, { parent: root, name: 'Liên đoàn Lao động tỉnh Bắc Ninh' });
    hospital = await buildOrg(t.db, { name: 'Bệnh viện Đa khoa tỉnh Điện Biên', kind: 'other' });
    organiser = await loginAs(t, dienBien, 'blood_organiser');
    desk = await loginAs(t, dienBien, 'blood_desk');
    otherDesk = await loginAs(t, bacNinh, 'blood_desk');
  });

  const donation = (over: Record<string, unknown> = {}) => ({
    personId: an.personId,
    donatedOn: '2026-12-18',
    organiserOrgId: dienBien.id,
    establishmentOrgId: hospital.id,
    site: 'Nhà văn hoá tỉnh Điện Biên',
    kind: 'whole_blood',
    volumeMl: 350,
    outcome: 'donated',
    ...over,
  });

  it('adds a new person as a donor, numbered per year, kept with purpose blood', async () => {
    const res = await organiser.post('/api/blood/donors', {
      keeperOrgId: dienBien.id,
      person: anPerson,
      memberOfOrgId: dienBien.id,
      consentContact: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    an = res.json();
    expect(an.donorNo).toBe('HM-2026-000001');
    const [link] = await rows<{ purpose: string }>(
      t.db,
      sql`SELECT purpose FROM person_links WHERE person_id = ${an.personId} AND org_id = ${dienBien.id} AND purpose = 'blood'`,
    );
    expect(link?.purpose).toBe('blood');
    const second = await organiser.post('/api/blood/donors', {
      keeperOrgId: dienBien.id,
      person: { fullName: 'Lò Thị Hoa', birthDate: '1995-03-02', sex: 'female' },
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().donorNo).toBe('HM-2026-000002');
    // The same person again is the same donor: said, not duplicated.
    const again = await organiser.post('/api/blood/donors', {
      keeperOrgId: dienBien.id,
      personId: an.personId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('donors.duplicate');
  });

  it('takes a home province only among the 34 in force (a call-out by province must find the donor)', async () => {
    for (const code of ['99', '30']) {
      // 99 names no province; 30 (Hải Dương) was merged into Hải Phòng on 1/7/2025.
      const res = await organiser.post('/api/blood/donors', {
        keeperOrgId: dienBien.id,
        person: { fullName: 'Quàng Văn Tỉnh', birthDate: '1990-01-02', sex: 'male' },
        homeProvinceCode: code,
      });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.details.issues).toEqual([
        expect.objectContaining({ path: 'body.homeProvinceCode', code: 'common.province_not_current' }),
      ]);
    }
    expect(await countRows(t.db, 'people', sql`full_name = 'Quàng Văn Tỉnh'`)).toBe(0);
  });

  it('refuses health fields to a caller without blood.health, accepts them from the desk', async () => {
    const res = await organiser.request({
      method: 'PUT',
      url: `/api/blood/donors/${an.id}`,
      json: { version: 1, abo: 'O', rh: 'neg', weightKg: 50 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('donors.health_forbidden');
    // Health values need the donor's consent recorded: refused on the consent field without it.
    const noConsent = await desk.request({
      method: 'PUT',
      url: `/api/blood/donors/${an.id}`,
      json: { version: 1, abo: 'O', rh: 'neg' },
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.consentHealth', code: 'blood.consent_health_needed' }),
    ]);
    const ok = await desk.request({
      method: 'PUT',
      url: `/api/blood/donors/${an.id}`,
      json: {
        version: 1,
        abo: 'O',
        rh: 'neg',
        weightKg: 50,
        weightOn: '2026-12-18',
        homeProvinceCode: '11',
        consentHealth: true,
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ abo: 'O', rh: 'neg', weightKg: 50, healthVisible: true, version: 2 });
  });

  it('answers health fields as null to a caller without blood.health (the donor stays visible)', async () => {
    const view = (await organiser.get(`/api/blood/donors/${an.id}`)).json();
    expect(view).toMatchObject({
      fullName: 'Nguyễn Văn An',
      abo: null,
      rh: null,
      weightKg: null,
      rareFlags: null,
    });
    expect(view.healthVisible).toBe(false);
    const list = (await organiser.get('/api/blood/donors?q=nguyen van an')).json();
    expect(list.items.map((d: { id: number }) => d.id)).toEqual([an.id]);
    expect(list.items[0].abo).toBeNull();
    // Filtering by group says nothing of donors whose group the caller may not read.
    expect((await organiser.get('/api/blood/donors?abo=O')).json().total).toBe(0);
    expect((await desk.get('/api/blood/donors?abo=O&rh=neg')).json().items[0].id).toBe(an.id);
    expect((await desk.get('/api/blood/donors?rare=true')).json().total).toBe(1);
  });

  it('keeps no health value in the audit log, only the names of the health fields written', async () => {
    const log = await rows<{ before: unknown; after: unknown }>(
      t.db,
      sql`SELECT before, after FROM audit_log WHERE entity_type IN ('donor_profile', 'blood_donation')`,
    );
    expect(log.length).toBeGreaterThan(0);
    const text = JSON.stringify(log);
    expect(text).toContain('"healthFields":["abo","rh","weightKg","weightOn"]');
    for (const e of log)
      for (const side of [e.before, e.after] as Record<string, unknown>[])
        for (const key of [
          'abo',
          'rh',
          'weightKg',
          'weightOn',
          'rareFlags',
          'deferralReason',
          'deferralUntil',
        ])
          expect(side ?? {}).not.toHaveProperty(key);
    for (const value of ['"neg"', '"O"', ':50', 'tattoo']) expect(text).not.toContain(value);
  });

  it('refuses a day no eligibility rule was in force for, naming the field', async () => {
    const res = await desk.post('/api/blood/donations', donation({ donatedOn: '2010-06-01' }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('body.donatedOn');
  });

  it('refuses a volume over the weight’s maximum with the field and the max', async () => {
    const res = await desk.post('/api/blood/donations', donation({ volumeMl: 500 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.volumeMl', code: 'blood.volume_too_high', params: { max: 450 } }),
    ]);
  });

  it('records a donation with a certificate number; the next one is refused in words until day 84', async () => {
    const res = await organiser.post('/api/blood/donations', donation());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().certificateNo).toMatch(/^GCNHM-2026-000001-[A-Z2-9]{8}$/);
    const [copy] = await rows<{ m: number }>(
      t.db,
      sql`SELECT member_of_org_id AS m FROM blood_donations WHERE id = ${res.json().id}`,
    );
    expect(copy?.m).toBe(dienBien.id);
    const e = (await organiser.get(`/api/blood/donors/${an.id}/eligibility`)).json();
    expect(e).toMatchObject({ eligible: false, nextEligibleOn: '2027-03-12' });
    expect(e.refusals[0].words).toBe(
      'Bạn có thể hiến lại từ 12/03/2027 — 12 tuần sau lần hiến máu toàn phần ngày 18/12/2026',
    );
    const again = await desk.post('/api/blood/donations', donation());
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.code).toBe('donors.not_eligible');
    expect(again.json().error.details.refusals[0]).toMatchObject({ code: 'interval', until: '2027-03-12' });
    const view = (await organiser.get(`/api/blood/donors/${an.id}`)).json();
    expect(view).toMatchObject({ donationCount: 1, eligibleToday: false, nextEligibleOn: '2027-03-12' });
    const eligibleNow = await organiser.get('/api/blood/donors?eligibleToday=true');
    expect(eligibleNow.json().items, eligibleNow.body).toHaveLength(0);
    expect((await organiser.get('/api/blood/donors?eligibleToday=false')).json().total).toBe(2);
  });

  it('records a deferral with the reason’s days; only blood.health reads the reason, and each read is audited', async () => {
    const hoa = (await organiser.get('/api/blood/donors?q=lo thi hoa')).json().items[0];
    const byOrganiser = await organiser.post(
      '/api/blood/donations',
      donation({
        personId: hoa.personId,
        outcome: 'deferred',
        deferralReason: 'tattoo_piercing',
        volumeMl: null,
      }),
    );
    expect(byOrganiser.statusCode).toBe(403);
    const res = await desk.post(
      '/api/blood/donations',
      donation({
        personId: hoa.personId,
        outcome: 'deferred',
        deferralReason: 'tattoo_piercing',
        volumeMl: null,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      deferralUntil: '2027-06-16',
      deferralReason: 'tattoo_piercing',
      certificateNo: null,
    });
    const audited = () =>
      countRows(t.db, 'audit_log', sql`action = 'read_sensitive' AND entity_type = 'donor_profile'`);
    const before = await audited();
    const seen = (await desk.get(`/api/blood/donors/${hoa.id}/donations`)).json();
    expect(seen.items[0].deferralReason).toBe('tattoo_piercing');
    expect(await audited()).toBe(before + 1);
    await desk.get(`/api/blood/donors/${hoa.id}/donations`);
    expect(await audited()).toBe(before + 2);
    // Without blood.health the attempt that ended in a deferral does not exist (a screening result).
    const hidden = await organiser.get(`/api/blood/donors/${hoa.id}/donations`);
    expect(hidden.json()).toMatchObject({ items: [], donated: 0, healthVisible: false });
    expect(await audited()).toBe(before + 2);
    const e = await organiser.get(`/api/blood/donors/${hoa.id}/eligibility`);
    // No weight recorded yet either: one refusal for health reasons, neither the deferral's end nor its reason.
    expect(e.json()).toMatchObject({ eligible: false, nextEligibleOn: null, maxVolumeMl: null });
    expect(e.json().refusals.map((r: { code: string }) => r.code)).toEqual(['health']);
    for (const secret of ['tattoo', '2027-06-16', '16/06/2027', 'deferred', 'weight'])
      expect(e.body).not.toContain(secret);
    const seenByDesk = (await desk.get(`/api/blood/donors/${hoa.id}/eligibility`)).json();
    expect(seenByDesk.refusals.map((r: { words: string }) => r.words)).toEqual([
      'Cần cân nặng để xác định lượng máu được hiến',
      'Tạm hoãn hiến máu đến 16/06/2027',
    ]);
  });

  it('hides another union’s donors: 404 on a path, 400 naming the field in a body', async () => {
    expectNotFound(await otherDesk.get(`/api/blood/donors/${an.id}`), ['Nguyễn Văn An', an.donorNo]);
    expectNotFound(await otherDesk.get(`/api/blood/donors/${an.id}/donations`), ['Nguyễn Văn An']);
    expectNotFound(await otherDesk.get(`/api/blood/donors/${an.id}/eligibility`), ['Nguyễn Văn An']);
    expect((await otherDesk.get('/api/blood/donors?q=an')).json().total).toBe(0);
    expectFieldRefusal(
      await otherDesk.post('/api/blood/donations', donation({ organiserOrgId: bacNinh.id })),
      'body.personId',
      ['Nguyễn Văn An'],
    );
    expectFieldRefusal(
      await otherDesk.post('/api/blood/donors', { keeperOrgId: bacNinh.id, personId: an.personId }),
      'body.personId',
      ['Nguyễn Văn An'],
    );
    expectFieldRefusal(await otherDesk.post('/api/blood/donations', donation()), 'body.organiserOrgId', []);
    // A drive of another union is not one to record at, not even named.
    const [drive] = await rows<{ id: number }>(
      t.db,
      sql`INSERT INTO blood_drives (organiser_org_id, organiser_path, title, site, drive_date, opens_at, closes_at)
          VALUES (${bacNinh.id}, ${bacNinh.path}::ltree, 'Ngày hội Bắc Ninh', 'Cung văn hoá', '2026-12-18', '07:00', '11:00')
          RETURNING id`,
    );
    expectFieldRefusal(
      await desk.post('/api/blood/donations', donation({ driveId: drive!.id })),
      'body.driveId',
      ['Ngày hội Bắc Ninh'],
    );
  });

  it('links a donor another union keeps when the identity typed matches, without rewriting it', async () => {
    const res = await otherDesk.post('/api/blood/donors', {
      keeperOrgId: bacNinh.id,
      person: anPerson,
      weightKg: 80,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id: an.id, donorNo: an.donorNo, weightKg: 50, abo: 'O' });
  });

  it('prints the certificate with its QR; the public check shows initials, day and site only', async () => {
    const history = (await desk.get(`/api/blood/donors/${an.id}/donations`)).json();
    const given = history.items.find((d: { outcome: string }) => d.outcome === 'donated');
    const pdf = await organiser.get(`/api/blood/donations/${given.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    for (const words of [
      'GIẤY CHỨNG NHẬN',
      'HIẾN MÁU TÌNH NGUYỆN',
      'Nguyễn Văn An',
      '18/12/2026',
      given.certificateNo,
    ])
      expect(text).toContain(words);
    const stranger = await loginAs(t, await buildOrg(t.db, { name: 'Công đoàn Khu kinh tế' }), 'blood_desk');
    expectNotFound(await stranger.get(`/api/blood/donations/${given.id}/certificate.pdf`), []);
    const check = await t.app.inject({ method: 'GET', url: `/api/verify/blood/${given.certificateNo}` });
    expect(check.json()).toEqual({
      valid: true,
      number: given.certificateNo,
      initials: 'N. V. A.',
      donatedOn: '2026-12-18',
      site: 'Nhà văn hoá tỉnh Điện Biên',
      establishmentName: 'Bệnh viện Đa khoa tỉnh Điện Biên',
    });
    const page = await t.app.inject({
      method: 'GET',
      url: `/verify/blood/${given.certificateNo.toLowerCase()}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('N. V. A.');
    for (const secret of ['Nguyễn Văn An', '1990', 'Rh', 'Mã số người hiến', '350'])
      expect(page.body).not.toContain(secret);
    const guess = given.certificateNo.replace(/-[A-Z2-9]{8}$/, '-AAAAAAAA');
    expect((await t.app.inject({ method: 'GET', url: `/verify/blood/${guess}` })).statusCode).toBe(404);
  });

  it('filters eligible today exactly as each row’s tag says (18th birthday tomorrow, 42 kg woman)', async () => {
    const add = (person: object, weightKg: number) =>
      desk.post('/api/blood/donors', {
        keeperOrgId: dienBien.id,
        person,
        weightKg,
        weightOn: '2026-12-18',
        consentHealth: true,
      });
    const minh = (await add({ fullName: 'Vì Văn Minh', birthDate: '2008-12-19', sex: 'male' }, 60)).json();
    const lan = (await add({ fullName: 'Quàng Thị Lan', birthDate: '1980-01-15', sex: 'female' }, 42)).json();
    expect(minh).toMatchObject({ eligibleToday: false, nextEligibleOn: '2026-12-19' });
    expect(lan).toMatchObject({ eligibleToday: true, nextEligibleOn: '2026-12-18' });
    const all = (await desk.get('/api/blood/donors?pageSize=200')).json().items as {
      id: number;
      eligibleToday: boolean;
    }[];
    const yes = (await desk.get('/api/blood/donors?eligibleToday=true'))
      .json()
      .items.map((d: { id: number }) => d.id);
    const no = (await desk.get('/api/blood/donors?eligibleToday=false'))
      .json()
      .items.map((d: { id: number }) => d.id);
    expect(yes).toEqual([lan.id]);
    expect(yes.sort()).toEqual(
      all
        .filter((d) => d.eligibleToday)
        .map((d) => d.id)
        .sort(),
    );
    expect(no.sort()).toEqual(
      all
        .filter((d) => !d.eligibleToday)
        .map((d) => d.id)
        .sort(),
    );
    const e = (await desk.get(`/api/blood/donors/${lan.id}/eligibility`)).json();
    expect(e).toMatchObject({ eligible: true, maxVolumeMl: 250 });
    const apheresis = (
      await desk.get(`/api/blood/donors/${lan.id}/eligibility?kind=platelets_apheresis`)
    ).json();
    expect(apheresis.refusals).toMatchObject([{ code: 'apheresis_weight', minKg: 50 }]);
    // Without blood.health, nothing tells her weight: neither the minimum she is under nor the volume allowed.
    const blind = await organiser.get(`/api/blood/donors/${lan.id}/eligibility?kind=platelets_apheresis`);
    expect(blind.json()).toMatchObject({
      eligible: false,
      maxVolumeMl: null,
      refusals: [{ code: 'health' }],
    });
    expect(blind.body).not.toContain('kg');
    expect((await organiser.get(`/api/blood/donors/${lan.id}/eligibility`)).json().maxVolumeMl).toBeNull();
  });
});
