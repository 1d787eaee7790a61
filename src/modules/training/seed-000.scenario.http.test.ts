import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../test/helpers/factories.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { hasPoppler, renderPage } from '../../../test/helpers/pdf.fixtures.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../test/helpers/test-app.ts';
import { rosterLine, rosterWorkbook, sampleWorkers, withTypicalMistakes } from './roster/roster.sample.ts';

/**
 * Issue 4's acceptance scenario (seed 000), through the HTTP API as the people involved would go through it:
 * the Humanitarian Services Center (Trung tâm Dịch vụ Nhân đạo) runs workplace first-aid training for the
 * workers of Công ty TNHH Điện tử Quế Võ in a Bắc Ninh industrial park. A request for 120 workers becomes 4
 * classes of 30 with 2 trainers each; the roster arrives as an XLSX with a 9-digit CCCD, a missing birth date
 * and a duplicate, which are reported row by row with nothing saved, then fixed and committed; attendance
 * and scores are entered; certificates are issued; one is verified through the QR code on its PDF; two years
 * on, the enterprise's refresher list shows the workers.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('seed 000: first-aid training for 120 workers of a Bắc Ninh industrial-park enterprise', () => {
  let t: TestApp;
  let centre: BuiltOrg;
  let queVo: BuiltOrg;
  let hsc: Session;
  let hr: Session;
  const phone = { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' };

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    const redCross = await buildOrg(t.db, { name: 'Trung ương Hội Chữ thập đỏ Việt Nam', kind: 'red_cross' });
    centre = await buildOrg(t.db, {
      parent: redCross,
      name: 'Trung tâm Dịch vụ Nhân đạo',
      kind: 'service_centre',
    });
    await t.db.execute(sql`UPDATE organisations SET short_name = 'TTDVNĐ' WHERE id = ${centre.id}`);
    const board = await buildOrg(t.db, {
      name: 'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh',
      kind: 'industrial_park_board',
    });
    queVo = await buildOrg(t.db, { parent: board, name: 'Công ty TNHH Điện tử Quế Võ', kind: 'enterprise' });
    hsc = await loginAs(t, centre, 'training_manager');
    hr = await loginAs(t, queVo, 'data_entry');
  });

  it('runs from the request to the refresher list two years on', async () => {
    // — The Center's trainers (tập huấn viên).
    const trainerIds: number[] = [];
    for (const fullName of ['Nguyễn Thị Minh Nguyệt', 'Trần Quốc Khánh', 'Lê Thu Hà', 'Phạm Văn Thành']) {
      const person = await hsc.post('/api/people', { fullName, orgId: centre.id });
      expect(person.statusCode, person.body).toBe(201);
      const tr = await hsc.post('/api/training/trainers', {
        personId: person.json().id,
        orgId: centre.id,
        qualification: 'first_aid_instructor',
      });
      trainerIds.push(tr.json().id);
    }

    // — The enterprise's HR asks for workplace first aid (TT 19/2016) for 120 workers.
    const course = (await hr.get('/api/training/course-types?on=2026-05-04'))
      .json()
      .find((c: { code: string }) => c.code === 'SCC_NLD');
    expect(course).toMatchObject({
      hours: 4,
      maxLearners: 30,
      minTrainers: 2,
      legalSource: 'Thông tư 19/2016/TT-BYT',
    });
    const request = await hr.post('/api/training/requests', {
      requesterOrgId: queVo.id,
      providerOrgId: centre.id,
      courseTypeId: course.id,
      learners: 120,
      place: 'Hội trường Công ty, KCN Quế Võ',
    });
    expect(request.statusCode, request.body).toBe(201);

    // — The Center turns it into 4 classes of 30, each with its session and 2 trainers.
    const scheduled = await hsc.post(`/api/training/requests/${request.json().id}/schedule`, {
      version: request.json().version,
      codePrefix: 'QV-SCC',
      pricePerLearner: 250_000,
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const classIds: number[] = scheduled.json().classIds;
    expect(classIds).toHaveLength(4);
    for (const [i, id] of classIds.entries()) {
      const day = `2026-05-${String(11 + i).padStart(2, '0')}`;
      const put = (url: string, json: unknown) => hsc.request({ method: 'PUT', url, json });
      await put(`/api/training/classes/${id}/sessions`, {
        sessions: [{ startsAt: `${day}T07:30:00+07:00`, endsAt: `${day}T11:30:00+07:00`, hours: 4 }],
      });
      const k = await put(`/api/training/classes/${id}/trainers`, {
        trainerIds: trainerIds.slice((i % 2) * 2, (i % 2) * 2 + 2),
      });
      expect(k.json()).toMatchObject({ capacity: 30, customerName: 'Công ty TNHH Điện tử Quế Võ' });
      expect(k.json().trainers).toHaveLength(2);
      expect(
        (await hsc.post(`/api/training/classes/${id}/status`, { version: k.json().version, status: 'open' }))
          .statusCode,
      ).toBe(200);
    }

    // — The first class's roster arrives with three mistakes: reported by row, nothing saved.
    const workers = sampleWorkers(120, 2024);
    const first = withTypicalMistakes(workers.slice(0, 30));
    const send = async (classId: number, file: Buffer, mode: 'preview' | 'commit') =>
      hr.request({
        method: 'POST',
        url: `/api/training/classes/${classId}/roster`,
        ...multipart(
          [
            { name: 'mode', value: mode },
            { name: 'file', filename: 'danh-sach.xlsx', content: file, contentType: XLSX_TYPE },
          ],
          '----chungtay-seed-000',
        ),
      });
    const preview = await send(classIds[0]!, await rosterWorkbook(first.bad), 'preview');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ total: 31, invalid: 3, seatsLeft: 30 });
    expect(
      preview
        .json()
        .issues.map((i: { row: number; column: string; message: string }) => `${i.row} ${i.column}`),
    ).toEqual(['4 Số CCCD', '6 Ngày sinh', '9 Số CCCD']);
    expect(preview.json().issues[2].message).toContain('Trùng với dòng 5');
    const refused = await send(classIds[0]!, await rosterWorkbook(first.bad), 'commit');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('roster.invalid');
    expect(await countRows(t.db, 'people', sql`employer_org_id = ${queVo.id}`)).toBe(0);

    // — Fixed and sent again; the other three classes' rosters go in as they are.
    for (const [i, id] of classIds.entries()) {
      const lines = i === 0 ? first.fixed : workers.slice(i * 30, i * 30 + 30).map(rosterLine);
      const done = await send(id, await rosterWorkbook(lines), 'commit');
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ created: 30, waitlisted: [] });
    }
    expect(await countRows(t.db, 'people', sql`employer_org_id = ${queVo.id}`)).toBe(120);

    // — Class 1 is held: attendance, then scores (one worker fails the practice), and it is completed.
    t.clock.set('2026-05-11T05:00:00Z');
    const k1 = (await hsc.get(`/api/training/classes/${classIds[0]}`)).json();
    const learners: number[] = k1.enrolments.map((e: { personId: number }) => e.personId);
    const failing = learners[3]!;
    const put = (url: string, json: unknown) => hsc.request({ method: 'PUT', url, json });
    const att = await put(`/api/training/classes/${k1.id}/sessions/${k1.sessions[0].id}/attendance`, {
      entries: learners.map((personId) => ({ personId, status: 'present' })),
    });
    expect(att.statusCode, att.body).toBe(200);
    const scored = await put(`/api/training/classes/${k1.id}/results`, {
      results: learners.map((personId) => ({
        personId,
        theoryScore: 8,
        practiceScore: personId === failing ? 4 : 7.5,
      })),
    });
    expect(scored.json().filter((e: { outcome: string }) => e.outcome === 'pass')).toHaveLength(29);
    const closed = await hsc.post(`/api/training/classes/${k1.id}/status`, {
      version: k1.version,
      status: 'completed',
    });
    expect(closed.json().status).toBe('completed');

    // — Certificates for the 29 who passed, numbered for the Center's year, valid 12 months (TT 19/2016).
    const issued = await hsc.post(`/api/training/classes/${k1.id}/certificates`);
    expect(issued.json().issued).toHaveLength(29);
    expect(issued.json().issued[0]).toMatchObject({
      number: '000001/2026/GCN-TTDVNĐ',
      validUntil: '2027-05-11',
      state: 'valid',
    });

    // — One is checked by scanning the QR code of the printed PDF with a phone.
    const pdf = await hsc.request({
      method: 'GET',
      url: `/api/training/classes/${k1.id}/certificates.pdf`,
      headers: { host: 'chungtay.local' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['x-certificate-count']).toBe('29');
    const cert = issued.json().issued[0];
    const verifyUrl = hasPoppler()
      ? renderPage(pdf.rawPayload, 1).qr!
      : `http://chungtay.local${cert.verifyPath}`;
    expect(verifyUrl).toBe(`http://chungtay.local/verify/${cert.verifyCode}`);
    const page = await t.app.inject({ method: 'GET', url: new URL(verifyUrl).pathname, headers: phone });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(page.body).toContain('CÒN HIỆU LỰC');
    expect(page.body).toContain(cert.personName);
    const holder = workers.find((w) => w.fullName === cert.personName)!;
    // Name and birth year, nothing more personal: no birth day, no CCCD, no phone.
    expect(page.body).toContain(holder.birthDate.slice(0, 4));
    for (const secret of [holder.cccd, holder.phone, holder.birthDate.split('-').reverse().join('/')])
      expect(page.body).not.toContain(secret);

    // — The enterprise reads its workers' certificates (the Center issued them) and prints one; changing one
    // stays the issuer's. Another enterprise sees none of them.
    const ours = (await hr.get(`/api/training/certificates?classId=${k1.id}&pageSize=50`)).json();
    expect(ours.total).toBe(29);
    const one = await hr.get(`/api/training/certificates/${cert.id}.pdf`);
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-type']).toContain('application/pdf');
    const revoke = await hr.post(`/api/training/certificates/${cert.id}/revoke`, { reason: 'Thử thu hồi' });
    expect(revoke.statusCode).toBe(403);
    const other = await buildOrg(t.db, { name: 'Công ty TNHH Dệt may Yên Phong', kind: 'enterprise' });
    const theirs = await loginAs(t, other, 'data_entry');
    // Another enterprise cannot even name the class: its id is not found (400 on the filter), nothing is listed.
    const notTheirs = await theirs.get(`/api/training/certificates?classId=${k1.id}`);
    expect(notTheirs.statusCode).toBe(400);
    expect(notTheirs.json().error.details.issues[0].path).toBe('querystring.classId');
    expect(notTheirs.body).not.toContain(cert.personName);
    expect((await theirs.get(`/api/training/certificates/${cert.id}.pdf`)).statusCode).toBe(404);

    // — Two years on, the enterprise's list shows the 29 for a refresher, and the one who failed as untrained.
    t.clock.set('2028-05-04T02:00:00Z');
    const due = (await hr.get(`/api/training/compliance/${queVo.id}?courses=SCC_NLD`)).json();
    const ofClass1 = due.due.filter((d: { personId: number }) => learners.includes(d.personId));
    expect(ofClass1.filter((d: { reason: string }) => d.reason === 'expired')).toHaveLength(29);
    expect(ofClass1.find((d: { personId: number }) => d.personId === failing)).toMatchObject({
      reason: 'never_trained',
      kind: 'initial',
    });
    expect(ofClass1.find((d: { reason: string }) => d.reason === 'expired')).toMatchObject({
      courseCode: 'SCC_NLD',
      kind: 'refresher',
      validUntil: '2027-05-11',
    });
    const onPhone = await t.app.inject({ method: 'GET', url: new URL(verifyUrl).pathname, headers: phone });
    expect(onPhone.body).toContain('ĐÃ HẾT HIỆU LỰC');
  });
});
