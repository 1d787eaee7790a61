import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBloodWorld, buildDonor, donationDays } from '../../../../test/helpers/blood-clubs.fixtures.ts';
import { hasPoppler, pdfText, saveSample } from '../../../../test/helpers/pdf.fixtures.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';

/** Honours: thresholds at the boundary, a province's rule overriding the national one, scope, decisions, PDFs. */
describe('honours', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBloodWorld>>;
  let central: Session;
  let province: Session;
  let other: Session;
  const rule: Record<string, number> = {};
  const d: Record<string, Awaited<ReturnType<typeof buildDonor>>> = {};
  const period = 'from=2021-01-01&to=2021-12-31';

  const ruleBody = (
    orgId: number,
    threshold: number,
    titleVi: string,
    decidingBody: string,
    kind = 'individual',
  ) => ({
    orgId,
    decidingBody,
    kind,
    threshold,
    titleVi,
    titleEn: `Honour for ${threshold} donations`,
    legalSource: 'Hướng dẫn tôn vinh người hiến máu tình nguyện',
    effectiveFrom: '2015-01-01',
  });

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    w = await buildBloodWorld(t.db);
    d.nineteen = await buildDonor(t.db, w.dienBien, {
      name: 'Lò Thị Mười Chín',
      donations: donationDays(19, '2021-03-01'),
    });
    d.twenty = await buildDonor(t.db, w.dienBien, {
      name: 'Lò Văn Hai Mươi',
      donations: donationDays(20, '2021-03-01'),
    });
    // The 20th donation after the period: not a candidate for 2021.
    d.late = await buildDonor(t.db, w.dienBien, {
      name: 'Quàng Văn Muộn',
      donations: donationDays(20, '2022-02-01'),
    });
    d.bacNinh = await buildDonor(t.db, w.bacNinh, {
      name: 'Nguyễn Thị Kinh Bắc',
      province: '24',
      donations: donationDays(20, '2021-06-01'),
    });
    central = await loginAs(t, w.national, 'blood_organiser');
    province = await loginAs(t, w.dienBien, 'blood_organiser');
    other = await loginAs(t, w.bacNinh, 'blood_organiser');
    const add = async (s: Session, body: object) => {
      const res = await s.post('/api/blood/honour-rules', body);
      expect(res.statusCode).toBe(201);
      return res.json().id as number;
    };
    rule.national20 = await add(
      central,
      ruleBody(w.national.id, 20, 'Kỷ niệm chương 20 lần', 'Trung ương Hội Chữ thập đỏ Việt Nam'),
    );
    rule.national30 = await add(
      central,
      ruleBody(w.national.id, 30, 'Kỷ niệm chương 30 lần', 'Trung ương Hội Chữ thập đỏ Việt Nam'),
    );
    rule.dienBien20 = await add(
      province,
      ruleBody(
        w.dienBien.id,
        20,
        'Bằng khen của Chủ tịch UBND tỉnh Điện Biên',
        'Ủy ban nhân dân tỉnh Điện Biên',
      ),
    );
    rule.family = await add(
      province,
      ruleBody(w.dienBien.id, 25, 'Gia đình hiến máu tiêu biểu', 'Ủy ban nhân dân tỉnh Điện Biên', 'family'),
    );
  });

  it('a province may not add a rule for the nation', async () => {
    const res = await province.post('/api/blood/honour-rules', ruleBody(w.national.id, 40, 'x', 'y'));
    expect(res.statusCode).toBe(400);
  });

  it("lists the province's rule over the national one of the same threshold", async () => {
    const { items } = (await province.get(`/api/blood/honour-rules?orgId=${w.dienBien.id}`)).json();
    const byId = (id: number) => items.find((r: { id: number }) => r.id === id);
    expect(byId(rule.national20!)).toMatchObject({ overridden: true });
    expect(byId(rule.dienBien20!)).toMatchObject({ overridden: false });
    expect(byId(rule.national30!)).toMatchObject({ overridden: false });
  });

  it('20 donations is a candidate, 19 is not; the province rule applies in Điện Biên, the national one in Bắc Ninh', async () => {
    const res = await province.get(`/api/blood/honours/candidates?orgId=${w.dienBien.id}&${period}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        personId: d.twenty!.id,
        clubId: null,
        name: 'Lò Văn Hai Mươi',
        donations: 20,
        rules: [expect.objectContaining({ ruleId: rule.dienBien20, threshold: 20 })],
      },
    ]);
    const bn = (await other.get(`/api/blood/honours/candidates?orgId=${w.bacNinh.id}&${period}`)).json();
    expect(bn).toEqual([
      expect.objectContaining({
        personId: d.bacNinh!.id,
        rules: [expect.objectContaining({ ruleId: rule.national20 })],
      }),
    ]);
  });

  it('keeps candidates in scope: Bắc Ninh cannot ask about Điện Biên', async () => {
    const res = await other.get(`/api/blood/honours/candidates?orgId=${w.dienBien.id}&${period}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('Hai Mươi');
  });

  it('proposes all or nothing, naming the element below the threshold and the one out of scope', async () => {
    const res = await province.post('/api/blood/honours', {
      orgId: w.dienBien.id,
      ruleId: rule.dienBien20,
      personIds: [d.twenty!.id, d.nineteen!.id, d.bacNinh!.id],
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues;
    expect(issues).toEqual([
      expect.objectContaining({ path: 'body.personIds.2', code: 'common.id_not_found' }),
      expect.objectContaining({
        path: 'body.personIds.1',
        code: 'clubs.below_threshold',
        params: { threshold: 20, count: 19 },
      }),
    ]);
    expect(res.body).not.toContain('Kinh Bắc');
    expect(await countRows(t.db, 'donor_honours')).toBe(0);
    const ok = await province.post('/api/blood/honours', {
      orgId: w.dienBien.id,
      ruleId: rule.dienBien20,
      personIds: [d.twenty!.id],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual([
      expect.objectContaining({ status: 'proposed', countAtProposal: 20, can: { decide: true } }),
    ]);
    // Held now: neither a candidate again nor proposable twice (under the national rule of the same level either).
    expect(
      (await province.get(`/api/blood/honours/candidates?orgId=${w.dienBien.id}&${period}`)).json(),
    ).toEqual([]);
    const twice = await province.post('/api/blood/honours', {
      orgId: w.dienBien.id,
      ruleId: rule.national20,
      personIds: [d.twenty!.id],
    });
    expect(twice.json().error.details.issues[0]).toMatchObject({ code: 'clubs.already_honoured' });
  });

  it("the rule's deciding body (or above) decides; the honour shows on the donor", async () => {
    const prop = await other.post('/api/blood/honours', {
      orgId: w.bacNinh.id,
      ruleId: rule.national20,
      personIds: [d.bacNinh!.id],
    });
    expect(prop.statusCode).toBe(201);
    const id = prop.json()[0].id;
    expect(prop.json()[0].can.decide).toBe(false);
    expect(
      (
        await other.request({
          method: 'PUT',
          url: `/api/blood/honours/${id}`,
          json: { status: 'awarded', decidedOn: '2021-06-14' },
        })
      ).statusCode,
    ).toBe(403);
    const awarded = await central.request({
      method: 'PUT',
      url: `/api/blood/honours/${id}`,
      json: { status: 'awarded', decisionNo: '125/QĐ-TWHCTĐ', decidedOn: '2021-06-14' },
    });
    expect(awarded.json()).toMatchObject({ status: 'awarded', decisionNo: '125/QĐ-TWHCTĐ' });
    const again = await central.request({
      method: 'PUT',
      url: `/api/blood/honours/${id}`,
      json: { status: 'rejected', decidedOn: '2021-06-15' },
    });
    expect(again.statusCode).toBe(409);
    const onDonor = (await other.get(`/api/blood/honours?personId=${d.bacNinh!.id}`)).json();
    expect(onDonor).toEqual([
      expect.objectContaining({ titleVi: 'Kỷ niệm chương 20 lần', status: 'awarded' }),
    ]);
    // Điện Biên sees none of Bắc Ninh's honours: their donor is not one to filter by (the field is refused).
    const filtered = await province.get(`/api/blood/honours?personId=${d.bacNinh!.id}`);
    expect(filtered.statusCode).toBe(400);
    expect(filtered.json().error.details.issues[0].path).toBe('querystring.personId');
    expect(filtered.body).not.toContain('Kỷ niệm chương');
    expect((await province.get(`/api/blood/honours/${id}/certificate.pdf`)).statusCode).toBe(404);
  });

  it('counts a family as its members’ donations and records the honour on its head', async () => {
    const family = async (name: string) =>
      (
        await province.post('/api/blood/clubs', {
          orgId: w.dienBien.id,
          name,
          kind: 'family',
          provinceCode: '11',
        })
      ).json();
    const club = await family('Gia đình ông Lò Văn Hai Mươi');
    const add = (personIds: number[], role: string) =>
      province.post(`/api/blood/clubs/${club.id}/members`, { personIds, role, since: '2020-01-01' });
    expect((await add([d.nineteen!.id], 'member')).statusCode).toBe(201);
    const noHead = await province.post('/api/blood/honours', {
      orgId: w.dienBien.id,
      ruleId: rule.family,
      clubIds: [club.id],
    });
    expect(noHead.json().error.details.issues[0]).toMatchObject({
      path: 'body.clubIds.0',
      code: 'clubs.family_no_leader',
    });
    expect((await add([d.twenty!.id], 'leader')).statusCode).toBe(201);
    const cands = (
      await province.get(`/api/blood/honours/candidates?orgId=${w.dienBien.id}&${period}&kind=family`)
    ).json();
    expect(cands).toEqual([
      expect.objectContaining({ clubId: club.id, personId: d.twenty!.id, donations: 39 }),
    ]);
    const ok = await province.post('/api/blood/honours', {
      orgId: w.dienBien.id,
      ruleId: rule.family,
      clubIds: [club.id],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()[0]).toMatchObject({
      familyClubId: club.id,
      familyClubName: 'Gia đình ông Lò Văn Hai Mươi',
      countAtProposal: 39,
    });
    // The honour is the family's: when its head also heads another family (listed first by name), the honour
    // still names the family it was given to.
    const other = await family('Gia đình A Lò Văn Hai Mươi');
    await t.db.execute(
      sql`UPDATE donor_club_members SET club_id = ${other.id} WHERE club_id = ${club.id} AND role = 'leader'`,
    );
    await t.db.execute(
      sql`INSERT INTO donor_club_members (club_id, person_id, role, since)
          VALUES (${club.id}, ${d.twenty!.id}, 'leader', '2020-01-01')`,
    );
    const [held] = (await province.get(`/api/blood/honours?orgId=${w.dienBien.id}&status=proposed`))
      .json()
      .filter((h: { familyClubId: number | null }) => h.familyClubId !== null);
    expect(held).toMatchObject({ familyClubId: club.id, familyClubName: 'Gia đình ông Lò Văn Hai Mươi' });
  });

  it('prints the honour list and a certificate in Vietnamese', async () => {
    const list = await province.get(`/api/blood/honours/list.pdf?orgId=${w.dienBien.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toBe('application/pdf');
    const text = pdfText(list.rawPayload);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Lò Văn Hai Mươi');
    saveSample('blood-honour-list.pdf', list.rawPayload);
    const [h] = (await province.get(`/api/blood/honours?orgId=${w.dienBien.id}&status=proposed`)).json();
    const cert = await province.get(`/api/blood/honours/${h.id}/certificate.pdf`);
    expect(cert.statusCode).toBe(200);
    expect(pdfText(cert.rawPayload)).toContain('GIẤY CHỨNG NHẬN');
    saveSample('blood-honour-certificate.pdf', cert.rawPayload);
    if (hasPoppler()) expect(() => execFileSync('pdfinfo', ['-'], { input: cert.rawPayload })).not.toThrow();
    expect(await countRows(t.db, 'audit_log', sql`entity_type = 'donor_honour'`)).toBeGreaterThan(0);
  });
});
