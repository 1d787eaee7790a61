import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClass } from '../../../../test/helpers/certificates.fixtures.ts';
import { buildOrg, buildUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';
import { buildCertificateCentre } from '../../../../test/helpers/training.fixtures.ts';
import { rows } from '../../../platform/db/database.ts';
import { addMonths, issuerSymbol } from './certificates.number.ts';

/**
 * Seed 000: the Humanitarian Services Center (Trung tâm Dịch vụ Nhân đạo) trains workers of an enterprise in
 * a Bắc Ninh industrial park and certifies those who passed; anyone verifies a certificate by its code.
 */
describe('certificates: issue, numbering, revoke/reissue, list, public verification', () => {
  let t: TestApp;
  let centre: { id: number; path: string; name: string };
  let redCross: { id: number; path: string; name: string };
  let admin: Session;
  let clerk: Session;
  let outsider: Session;
  let anonymous: Session['request'];

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    const { national, centre: c } = await buildCertificateCentre(t.db);
    centre = c;
    redCross = await buildOrg(t.db, {
      parent: national,
      name: 'Hội Chữ thập đỏ tỉnh Bắc Ninh',
      kind: 'red_cross',
    });
    const elsewhere = await buildOrg(t.db, { name: 'Liên đoàn Lao động tỉnh Điện Biên' });
    const as = async (org: { id: number; path: string; name: string; version: number }, role: string) => {
      const u = await buildUser(t.db, { grants: [{ org, role }] });
      return signIn(t, u.username, u.password);
    };
    admin = await as({ ...centre, version: 1 }, 'org_admin');
    clerk = await as({ ...centre, version: 1 }, 'data_entry');
    outsider = await as(elsewhere, 'org_admin');
    anonymous = (opts) => t.app.inject(opts);
  });

  const issue = (s: Session, classId: number) => s.post(`/api/training/classes/${classId}/certificates`);

  it('issues numbered certificates to those who passed, valid for the course rule', async () => {
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'SCC_NLD', // workplace first aid, TT 19/2016: valid 12 months
      learners: [
        { name: 'Nguyễn Thị Hương', sex: 'female' },
        { name: 'Trần Văn Đức', outcome: 'fail' },
        { name: 'Lê Thị Ánh', outcome: 'no_show' },
        { name: 'Phạm Quang Huy', outcome: null },
        { name: 'Hoàng Minh Tuấn', status: 'cancelled' },
        { name: 'Vũ Thị Thuỷ', sex: 'female' },
      ],
    });
    const res = await issue(admin, k.id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.alreadyCertified).toBe(0);
    expect(body.issued.map((c: { personName: string }) => c.personName)).toEqual([
      'Nguyễn Thị Hương',
      'Vũ Thị Thuỷ',
    ]);
    expect(body.issued.map((c: { number: string }) => c.number)).toEqual([
      '000001/2026/GCN-TTDVNĐ',
      '000002/2026/GCN-TTDVNĐ',
    ]);
    for (const c of body.issued) {
      expect(c).toMatchObject({
        status: 'valid',
        state: 'valid',
        issuedOn: '2026-05-04',
        validUntil: '2027-05-04',
        classId: k.id,
        issuerOrgId: centre.id,
        courseCode: 'SCC_NLD',
      });
      expect(c.verifyCode).toMatch(/^[A-Z2-7]{24}$/);
      expect(c.verifyPath).toBe(`/verify/${c.verifyCode}`);
    }
    expect(body.issued[0].verifyCode).not.toBe(body.issued[1].verifyCode);
    const audits = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'certificate.issue'
          AND entity_id = ANY(${`{${body.issued.map((c: { id: number }) => c.id).join(',')}}`}::text[])`,
    );
    expect(audits[0]!.n).toBe(2);
  });

  it('is idempotent: issuing again issues nothing; a learner who passes later gets the next number', async () => {
    const k = await buildClass(t.db, {
      provider: redCross,
      course: 'CTD_SCC_1', // Red Cross first aid level I: no expiry
      learners: [{ name: 'Đỗ Văn Nam' }, { name: 'Ngô Thị Lan', outcome: 'fail' }],
    });
    const first = (await issue(await redCrossAdmin(), k.id)).json();
    expect(first.issued).toHaveLength(1);
    expect(first.issued[0].number).toBe('000001/2026/GCN-HCTĐ'); // per issuer: its own sequence
    expect(first.issued[0].validUntil).toBeNull();
    const again = (await issue(await redCrossAdmin(), k.id)).json();
    expect(again).toEqual({ issued: [], alreadyCertified: 1 });
    await t.db.execute(sql`UPDATE enrolments SET outcome = 'pass' WHERE id = ${k.people[1]!.enrolmentId}`);
    const later = (await issue(await redCrossAdmin(), k.id)).json();
    expect(later.alreadyCertified).toBe(1);
    expect(later.issued.map((c: { number: string }) => c.number)).toEqual(['000002/2026/GCN-HCTĐ']);
  });

  /** A session opened at the clock's current time (sessions expire when the clock jumps years ahead). */
  async function centreAdminNow() {
    const u = await buildUser(t.db, { grants: [{ org: { ...centre, version: 1 }, role: 'org_admin' }] });
    return signIn(t, u.username, u.password);
  }

  let rcAdmin: Session | undefined;
  async function redCrossAdmin() {
    if (!rcAdmin) {
      const u = await buildUser(t.db, { grants: [{ org: { ...redCross, version: 1 }, role: 'org_admin' }] });
      rcAdmin = await signIn(t, u.username, u.password);
    }
    return rcAdmin;
  }

  it('never repeats or skips a number when issuing calls run at once', async () => {
    const s = await redCrossAdmin();
    const before = await rows<{ lastSeq: number }>(
      t.db,
      sql`SELECT last_seq AS "lastSeq" FROM certificate_counters WHERE issuer_org_id = ${redCross.id} AND year = 2026`,
    );
    const learners = (tag: string) =>
      Array.from({ length: 7 }, (_, i) => ({ name: `Học viên ${tag} ${i + 1}` }));
    const a = await buildClass(t.db, { provider: redCross, course: 'CTD_SCC_1', learners: learners('A') });
    const b = await buildClass(t.db, { provider: redCross, course: 'CTD_SCC_1', learners: learners('B') });
    const c = await buildClass(t.db, { provider: redCross, course: 'CTD_SCC_1', learners: learners('C') });
    const results = await Promise.all([
      issue(s, a.id),
      issue(s, b.id),
      issue(s, c.id),
      issue(s, a.id),
      issue(s, b.id),
    ]);
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const seqs = await rows<{ seq: number; enrolmentId: number }>(
      t.db,
      sql`SELECT seq, enrolment_id AS "enrolmentId" FROM certificates WHERE issuer_org_id = ${redCross.id}
          AND year = 2026 ORDER BY seq`,
    );
    const start = before[0]!.lastSeq;
    const fresh = seqs.filter((r) => r.seq > start);
    // 21 learners, each certified once, numbered start+1 … start+21 without a gap.
    expect(fresh.map((r) => r.seq)).toEqual(Array.from({ length: 21 }, (_, i) => start + 1 + i));
    expect(new Set(fresh.map((r) => r.enrolmentId)).size).toBe(21);
    const issuedCount = results.reduce((sum, r) => sum + r.json().issued.length, 0);
    expect(issuedCount).toBe(21);
  });

  it('numbers each year from 1 again', async () => {
    t.clock.set('2027-01-02T02:00:00Z');
    try {
      const k = await buildClass(t.db, {
        provider: centre,
        course: 'SCC_NLD',
        learners: [{ name: 'Bùi Văn Long' }],
      });
      const res = (await issue(await centreAdminNow(), k.id)).json();
      expect(res.issued[0]).toMatchObject({
        number: '000001/2027/GCN-TTDVNĐ',
        issuedOn: '2027-01-02',
        validUntil: '2028-01-02',
      });
    } finally {
      t.clock.set('2026-05-04T08:00:00Z');
    }
  });

  it('gives OSH group 3 a safety card number, refuses group 4 (no certificate) and cancelled classes', async () => {
    const card = await buildClass(t.db, {
      provider: centre,
      course: 'ATVSLD_N3',
      learners: [{ name: 'Đặng Văn Hải' }],
    });
    const res = (await issue(admin, card.id)).json();
    expect(res.issued[0].number).toMatch(/^\d{6}\/2026\/TATLĐ-TTDVNĐ$/);
    expect(res.issued[0].certificateKind).toBe('safety_card');
    expect(res.issued[0].validUntil).toBe('2028-05-04');
    const group4 = await buildClass(t.db, {
      provider: centre,
      course: 'ATVSLD_N4',
      learners: [{ name: 'Ngô Văn Bình' }],
    });
    const refused = await issue(admin, group4.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('training.certificate_not_issued_for_course');
    const cancelled = await buildClass(t.db, {
      provider: centre,
      course: 'SCC_NLD',
      status: 'cancelled',
      learners: [{ name: 'Lê Văn Cường' }],
    });
    expect((await issue(admin, cancelled.id)).statusCode).toBe(409);
  });

  it('lets only training managers of the provider issue: 403 inside scope, 404 outside', async () => {
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'SCC_NLD',
      learners: [{ name: 'Trần Thị Mai' }],
    });
    const denied = await issue(clerk, k.id);
    expect(denied.statusCode).toBe(403);
    const hidden = await issue(outsider, k.id);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('training.class.not_found');
    expect((await issue(admin, 999999)).statusCode).toBe(404);
    const count = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM certificates WHERE enrolment_id = ${k.people[0]!.enrolmentId}`,
    );
    expect(count[0]!.n).toBe(0);
  });

  it('shows the holder’s name and birth year only on the public page, and expiry two years on', async () => {
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'ATVSLD_N1', // OSH group 1: valid 24 months
      learners: [
        { name: 'Nguyễn Thị Ngọc Ánh', birthDate: '1988-11-23', cccd: '027188001234', phone: '0912345678' },
      ],
    });
    const cert = (await issue(admin, k.id)).json().issued[0];
    expect(cert.validUntil).toBe('2028-05-04');
    const page = await anonymous({ method: 'GET', url: `/verify/${cert.verifyCode}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = page.body;
    for (const s of [
      'CÒN HIỆU LỰC',
      'Nguyễn Thị Ngọc Ánh',
      '1988',
      cert.number,
      'Trung tâm Dịch vụ Nhân đạo',
    ])
      expect(html).toContain(s);
    expect(html).toContain('Huấn luyện ATVSLĐ – Nhóm 1 (người quản lý)');
    for (const secret of ['027188001234', '0912345678', '23/11/1988', '1988-11-23', '11/1988'])
      expect(html).not.toContain(secret);
    expect(html).not.toMatch(/<script/i);
    // Its own CSP allows exactly its inline style, by hash.
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("default-src 'none'");
    const { createHash } = await import('node:crypto');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);

    const json = await anonymous({ method: 'GET', url: `/api/verify/${cert.verifyCode.toLowerCase()}` });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual({
      state: 'valid',
      number: cert.number,
      certificateKind: 'certificate',
      courseName: 'Huấn luyện ATVSLĐ – Nhóm 1 (người quản lý)',
      issuerName: 'Trung tâm Dịch vụ Nhân đạo',
      issuedOn: '2026-05-04',
      validUntil: '2028-05-04',
      holderName: 'Nguyễn Thị Ngọc Ánh',
      holderBirthYear: 1988,
    });

    t.clock.set('2028-05-04T16:59:00Z'); // 23:59 on 4/5/2028 in Vietnam: the last valid day
    expect((await anonymous({ method: 'GET', url: `/api/verify/${cert.verifyCode}` })).json().state).toBe(
      'valid',
    );
    t.clock.set('2028-05-04T17:00:00Z'); // 00:00 on 5/5/2028 in Vietnam
    try {
      const expired = await anonymous({ method: 'GET', url: `/verify/${cert.verifyCode}` });
      expect(expired.body).toContain('ĐÃ HẾT HIỆU LỰC');
      expect(expired.body).not.toContain('CÒN HIỆU LỰC');
      const list = (await (await centreAdminNow()).get(`/api/training/certificates?classId=${k.id}`)).json();
      expect(list.items[0].state).toBe('expired');
    } finally {
      t.clock.set('2026-05-04T08:00:00Z');
    }
  });

  it('answers a not-found page for an unknown code, and JSON 404', async () => {
    const page = await anonymous({ method: 'GET', url: '/verify/AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('KHÔNG TÌM THẤY');
    const junk = await anonymous({ method: 'GET', url: '/verify/%3Cscript%3E' });
    expect(junk.statusCode).toBe(404);
    expect(junk.body).not.toContain('<script>');
    const json = await anonymous({ method: 'GET', url: '/api/verify/AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(json.statusCode).toBe(404);
    expect(json.json().error.code).toBe('training.certificate.not_found');
  });

  it('revokes and reissues with a reason (audited); verification then says revoked / replaced', async () => {
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'SCC_LLSC',
      learners: [{ name: 'Phạm Văn Khoa' }, { name: 'Hoàng Thị Yến' }],
    });
    const [a, b] = (await issue(admin, k.id)).json().issued;
    const noReason = await admin.post(`/api/training/certificates/${a.id}/revoke`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].path).toBe('body.reason');
    expect(
      (await clerk.post(`/api/training/certificates/${a.id}/revoke`, { reason: 'Gian lận' })).statusCode,
    ).toBe(403);
    expect(
      (await outsider.post(`/api/training/certificates/${a.id}/revoke`, { reason: 'x y z' })).statusCode,
    ).toBe(404);

    const revoked = await admin.post(`/api/training/certificates/${a.id}/revoke`, {
      reason: 'Kết quả kiểm tra bị huỷ do gian lận',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      state: 'revoked',
      statusReason: 'Kết quả kiểm tra bị huỷ do gian lận',
    });
    expect((await anonymous({ method: 'GET', url: `/verify/${a.verifyCode}` })).body).toContain(
      'ĐÃ BỊ THU HỒI',
    );
    const again = await admin.post(`/api/training/certificates/${a.id}/revoke`, { reason: 'Lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(
      (await admin.post(`/api/training/certificates/${a.id}/reissue`, { reason: 'Cấp lại' })).statusCode,
    ).toBe(409);
    // Issuing again does not undo a revocation.
    expect((await issue(admin, k.id)).json()).toEqual({ issued: [], alreadyCertified: 2 });

    const reissued = await admin.post(`/api/training/certificates/${b.id}/reissue`, {
      reason: 'Sai ngày sinh trên giấy chứng nhận',
    });
    expect(reissued.statusCode, reissued.body).toBe(200);
    const { replaced, certificate } = reissued.json();
    expect(replaced).toMatchObject({
      id: b.id,
      status: 'replaced',
      statusReason: 'Sai ngày sinh trên giấy chứng nhận',
    });
    expect(certificate).toMatchObject({
      status: 'valid',
      replacesId: b.id,
      personId: b.personId,
      enrolmentId: b.enrolmentId,
      validUntil: b.validUntil, // a reissue does not extend the training's validity
    });
    expect(certificate.number).not.toBe(b.number);
    expect(Number(certificate.number.slice(0, 6))).toBe(Number(b.number.slice(0, 6)) + 1);
    expect(certificate.verifyCode).not.toBe(b.verifyCode);
    expect((await anonymous({ method: 'GET', url: `/verify/${b.verifyCode}` })).body).toContain(
      'ĐÃ ĐƯỢC THAY THẾ',
    );
    expect(
      (await anonymous({ method: 'GET', url: `/api/verify/${certificate.verifyCode}` })).json().state,
    ).toBe('valid');

    const audit = await rows<{ action: string; entityId: string; after: { reason?: string } }>(
      t.db,
      sql`SELECT action, entity_id AS "entityId", after FROM audit_log
          WHERE action IN ('certificate.revoke', 'certificate.replace', 'certificate.reissue')
            AND entity_id IN (${String(a.id)}, ${String(b.id)}, ${String(certificate.id)}) ORDER BY id`,
    );
    expect(audit.map((r) => [r.action, Number(r.entityId), r.after.reason])).toEqual([
      ['certificate.revoke', a.id, 'Kết quả kiểm tra bị huỷ do gian lận'],
      ['certificate.replace', b.id, 'Sai ngày sinh trên giấy chứng nhận'],
      ['certificate.reissue', certificate.id, 'Sai ngày sinh trên giấy chứng nhận'],
    ]);
  });

  it('lists certificates in scope by person, class and issuer', async () => {
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'SCC_NLD',
      learners: [{ name: 'Lý Thị Hoa' }, { name: 'Mai Văn Toàn' }],
    });
    await issue(admin, k.id);
    const byClass = (await admin.get(`/api/training/certificates?classId=${k.id}`)).json();
    expect(byClass.total).toBe(2);
    // The issuer's manager may revoke and reissue: the list says so per row.
    expect(byClass.items[0].can).toEqual({ revoke: true, reissue: true });
    expect(byClass.items.map((c: { personName: string }) => c.personName).sort()).toEqual([
      'Lý Thị Hoa',
      'Mai Văn Toàn',
    ]);
    const byPerson = (await admin.get(`/api/training/certificates?personId=${k.people[0]!.personId}`)).json();
    expect(byPerson.items.map((c: { personName: string }) => c.personName)).toEqual(['Lý Thị Hoa']);
    const byIssuer = (await admin.get(`/api/training/certificates?orgId=${centre.id}&pageSize=200`)).json();
    expect(byIssuer.items.every((c: { issuerOrgId: number }) => c.issuerOrgId === centre.id)).toBe(true);
    expect(byIssuer.total).toBeGreaterThanOrEqual(2);
    // The Red Cross's certificates are outside the centre's subtree.
    const other = (await admin.get(`/api/training/certificates?orgId=${redCross.id}`)).json();
    expect(other.total).toBe(0);
    // A class the caller does not see is not found, on the filter's field.
    const none = await outsider.get(`/api/training/certificates?classId=${k.id}`);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.issues[0].path).toBe('querystring.classId');
  });

  it('finds certificates by number (exact or its beginning) and by the holder’s name without diacritics', async () => {
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'SCC_NLD',
      learners: [{ name: 'Đặng Thị Ngọc Ánh' }, { name: 'Nguyễn Văn An' }, { name: 'Nguyễn Văn Anh' }],
    });
    // A batch is numbered by given name (An, Anh, Ánh): keep the learners' order above for the assertions.
    const batch = (await issue(admin, k.id)).json().issued as { number: string; personName: string }[];
    const issued = ['Đặng Thị Ngọc Ánh', 'Nguyễn Văn An', 'Nguyễn Văn Anh'].map(
      (name) => batch.find((c) => c.personName === name)!,
    );
    expect(batch.map((c) => c.personName)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Đặng Thị Ngọc Ánh']);
    const search = async (s: Session, q: string) => {
      const res = await s.get(`/api/training/certificates?q=${encodeURIComponent(q)}&pageSize=200`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.total).toBe(body.items.length);
      return body.items.map((c: { number: string; personName: string }) => `${c.number} ${c.personName}`);
    };
    const line = (i: number) => `${issued[i]!.number} ${issued[i]!.personName}`;
    // Exact, typed without diacritics or in lower case, and the beginning of a number.
    expect(await search(admin, issued[0]!.number)).toEqual([line(0)]);
    expect(await search(admin, issued[0]!.number.toLowerCase().replace('Đ', 'd'))).toEqual([line(0)]);
    const [seq, year] = issued[1]!.number.split('/');
    expect(await search(admin, `${seq}/${year}`)).toEqual([line(1)]);
    expect(await search(admin, `${seq!.slice(0, -1)}`)).toContain(line(1));
    // Names: without diacritics, in any case, words in order; "nguyen van an" also finds "Anh" (a prefix).
    expect(await search(admin, 'dang thi ngoc anh')).toEqual([line(0)]);
    expect(await search(admin, 'NGUYEN VAN ANH')).toEqual([line(2)]);
    expect((await search(admin, 'nguyen van an')).sort()).toEqual([line(1), line(2)].sort());
    expect(await search(admin, 'không có ai tên này')).toEqual([]);
    // LIKE wildcards in the query are plain characters.
    expect(await search(admin, '%')).toEqual([]);
    expect(await search(admin, '0_')).toEqual([]);
    // Scope still applies: someone outside the issuer's tree finds nothing.
    expect(await search(outsider, issued[0]!.number)).toEqual([]);
    expect(await search(outsider, 'dang thi ngoc anh')).toEqual([]);
  });
});

describe('certificate number rules', () => {
  it('derives the issuer symbol as offices write it', () => {
    expect(issuerSymbol('Trung tâm Dịch vụ Nhân đạo', 'TTDVNĐ')).toBe('TTDVNĐ');
    expect(issuerSymbol('Trung tâm Dịch vụ Nhân đạo', null)).toBe('TTDVNĐ');
    expect(issuerSymbol('Hội Chữ thập đỏ tỉnh Bắc Ninh', 'Hội CTĐ Bắc Ninh')).toBe('HCTĐ');
    expect(issuerSymbol('Liên đoàn Lao động tỉnh Điện Biên', 'LĐLĐ Điện Biên')).toBe('LĐLĐ');
    expect(issuerSymbol('CĐCS Bệnh viện Đa khoa tỉnh', null)).toBe('CĐCSBVĐK');
    expect(issuerSymbol('Hội Chữ thập đỏ thành phố Hà Nội', null)).toBe('HCTĐ');
  });

  it('adds months, keeping to the last day of a shorter month', () => {
    expect(addMonths('2026-05-04', 24)).toBe('2028-05-04');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-02-28', 12)).toBe('2028-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});

describe('public verification rate limit', () => {
  it('answers 429 once an address has used the minute’s verifications of a route', async () => {
    const t = await createTestApp('2026-05-04T08:00:00Z', { VERIFY_RATE_LIMIT_PER_MINUTE: '3' });
    const get = (url: string, remoteAddress = '203.0.113.7') =>
      t.app.inject({ method: 'GET', url, remoteAddress });
    for (const url of ['/api/verify/AAAAAAAAAAAAAAAAAAAAAAAA', '/verify/AAAAAAAAAAAAAAAAAAAAAAAA']) {
      for (let i = 0; i < 3; i++) expect((await get(url)).statusCode).toBe(404);
      const limited = await get(url);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('request.rate_limited');
      // Another address is not affected.
      expect((await get(url, '198.51.100.9')).statusCode).toBe(404);
    }
  });
});
