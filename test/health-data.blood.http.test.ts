import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../src/modules/index.ts';
import { rows } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';
import {
  BLOOD_NOW,
  type BloodSide,
  bloodOperations,
  buildBloodSide,
  buildKeptPerson,
  dienBienSide,
  insertProvinces,
  personAccount,
} from './helpers/blood-scope.fixtures.ts';
import { buildOrg } from './helpers/factories.ts';
import { hasPoppler, pdfText } from './helpers/pdf.fixtures.ts';
import { createTestApp, loginAs, type Session, type TestApp } from './helpers/test-app.ts';

/**
 * Issue 12 point 8: blood group, rare flags, weight, deferral reasons and their end, screening results, the
 * same-day questionnaire and adverse events are health data — answered only to blood.health. A Điện Biên world
 * made through the API (every write checked for its audit entry), then every blood GET of the OpenAPI document,
 * the drive report and honour PDFs and workbooks, the audit log and its export, notifications, refusals and group
 * filters, read as the blood organiser, the viewer and the organisation's administrator (none holds
 * blood.health), searched for each health value; the collection desk (blood.health) sees them (the controls).
 */

let t: TestApp;
let a: BloodSide;
let organiser: Session;
let viewer: Session;
let admin: Session;
let donorA: Session;
const w = {} as Record<
  'donorH' | 'donorAE' | 'donorP',
  { id: number; personId: number; attempts: number[] }
> &
  Record<'drive' | 'club' | 'callout' | 'honour', number> &
  Record<'pD' | 'pOK' | 'pQ', number> & { slots: number[] };

/** Health values of the world (and the words they print as): none may reach a caller without blood.health. */
const HEALTH = [
  'kell_neg',
  '53.7',
  '53,7',
  'Viện Huyết học Mốc',
  // donorH: an adverse event on 1/12/2025, a deferral (tattoo) on 27/3/2026 until 23/9/2026
  'Choáng nhẹ',
  '2025-12-01',
  '01/12/2025',
  '2026-03-27',
  '27/03/2026',
  'tattoo',
  'Xăm mình',
  '2026-09-23',
  '23/09/2026',
  // donorAE: an adverse event on 20/4/2026, the interval from it until 13/7/2026
  'Tụt huyết áp',
  '2026-04-20',
  '20/04/2026',
  '2026-07-13',
  '13/07/2026',
  // donorP: deferred for good on 2/2/2026
  'infection_risk',
  'Nguy cơ lây nhiễm',
  'deferred_permanent',
  '"deferralPermanent":true',
  '2026-02-02',
  '02/02/2026',
  // screening at the drive: deferred (low haemoglobin) until 2/8/2026
  'low_hemoglobin',
  'Huyết sắc tố',
  '2026-08-02',
  '02/08/2026',
  ':"deferred"',
  ':"adverse_event"',
  // the questionnaire
  'feelsWell',
  'recentIllness',
  'tattooPiercing6m',
  'AB Rh',
  '"rh":"neg"',
];
/** Shapes of health values in JSON: a blood group, a weight, a volume cap, a weight refusal. */
const HEALTH_SHAPES = [
  /"abo":"(O|A|B|AB)"/,
  /"weightKg":\d/,
  /"maxVolumeMl":\d/,
  /"weight_/,
  /"rareFlags":\["/,
];

function expectNoHealth(text: string, where: string, opts: { groupOfRequest?: boolean } = {}) {
  for (const m of HEALTH) expect(text.includes(m), `${where} shows "${m}"`).toBe(false);
  for (const re of HEALTH_SHAPES)
    if (!(opts.groupOfRequest && re.source.startsWith('"abo"')))
      expect(re.test(text), `${where} matches ${re}`).toBe(false);
}

/** An answer as its reader sees it: JSON or HTML as is, a PDF's text, a workbook's cells. */
async function textOf(res: LightMyRequestResponse): Promise<string | null> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('pdf')) return hasPoppler() ? pdfText(res.rawPayload) : null;
  if (type.includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          cells.push(String(c.value ?? ''));
        }),
      ),
    );
    return cells.join(' | ');
  }
  return res.body;
}

// ——— Writes, each with its audit entry ———

const written = new Set<string>();
let lastAudit = 0;

async function write(
  op: string,
  s: Session,
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  json: unknown,
  actions: string[],
) {
  const res = await s.request({ method, url, ...(method === 'DELETE' ? {} : { json }) });
  expect(res.statusCode, `${op} ${res.body}`).toBeLessThan(300);
  const entries = await rows<{ id: number; action: string }>(
    t.db,
    sql`SELECT id, action FROM audit_log WHERE id > ${lastAudit} ORDER BY id`,
  );
  expect(
    entries.map((e) => e.action).filter((x) => actions.includes(x)),
    `${op}: audited as ${actions.join(' or ')}`,
  ).not.toEqual([]);
  lastAudit = Math.max(lastAudit, ...entries.map((e) => e.id));
  written.add(op);
  return res.json();
}

const answers = {
  feelsWell: true,
  sleptWell: true,
  ateToday: true,
  recentIllness: true,
  medication: false,
  tattooPiercing6m: false,
};

beforeAll(async () => {
  t = await createTestApp(BLOOD_NOW);
  await insertProvinces(t);
  const national = await buildOrg(t.db, { name: 'Trung ương Hội Chữ thập đỏ Việt Nam', kind: 'red_cross' });
  a = await buildBloodSide(t, national, dienBienSide);
  organiser = await loginAs(t, a.province, 'blood_organiser');
  viewer = await loginAs(t, a.province, 'viewer');
  admin = await loginAs(t, a.province, 'org_admin');
  donorA = await personAccount(t, a.personId);
  const [max] = await rows<{ id: number }>(t.db, sql`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`);
  lastAudit = max!.id;
});

describe('a Điện Biên world of health data, every write audited', () => {
  it('records donors, attempts, a drive day at the desk, a club, a call-out and honours — each write with its entry', async () => {
    const desk = a.desk;
    const donor = async (fullName: string, extra: Record<string, unknown>) => {
      const d = await write(
        'POST /api/blood/donors',
        desk,
        'POST',
        '/api/blood/donors',
        {
          keeperOrgId: a.union.id,
          person: { fullName, birthDate: '1988-02-10', sex: 'female' },
          consentContact: true,
          consentHealth: true,
          homeProvinceCode: '11',
          ...extra,
        },
        ['create'],
      );
      return { id: d.id as number, personId: d.personId as number, attempts: [] as number[] };
    };
    w.donorH = await donor('Lò Thị Sức Khỏe', {
      abo: 'AB',
      rh: 'neg',
      rareFlags: ['kell_neg'],
      weightKg: 53.7,
      weightOn: '2026-04-20',
      groupConfirmedBy: 'Viện Huyết học Mốc',
      groupConfirmedOn: '2025-08-01',
    });
    w.donorAE = await donor('Cà Thị Choáng', { abo: 'O', rh: 'pos', weightKg: 60, weightOn: '2026-01-01' });
    w.donorP = await donor('Tòng Thị Hoãn', { abo: 'A', rh: 'pos', weightKg: 58, weightOn: '2026-01-01' });
    await write(
      'PUT /api/blood/donors/{id}',
      desk,
      'PUT',
      `/api/blood/donors/${w.donorH.id}`,
      {
        version: 1,
        preferredContact: 'phone',
      },
      ['update'],
    );
    const attempt = async (who: { personId: number; attempts: number[] }, over: Record<string, unknown>) => {
      const d = await write(
        'POST /api/blood/donations',
        desk,
        'POST',
        '/api/blood/donations',
        {
          personId: who.personId,
          organiserOrgId: a.union.id,
          site: 'Bệnh viện Đa khoa tỉnh Điện Biên',
          kind: 'whole_blood',
          ...over,
        },
        ['create'],
      );
      who.attempts.push(d.id);
    };
    await attempt(w.donorH, { donatedOn: '2025-08-01', outcome: 'donated', volumeMl: 350 });
    await attempt(w.donorH, {
      donatedOn: '2025-12-01',
      outcome: 'adverse_event',
      volumeMl: 250,
      adverseNote: 'Choáng nhẹ sau hiến, nằm nghỉ 20 phút',
    });
    await attempt(w.donorH, {
      donatedOn: '2026-03-27',
      outcome: 'deferred',
      deferralReason: 'tattoo_piercing',
    });
    await attempt(w.donorAE, {
      donatedOn: '2026-04-20',
      outcome: 'adverse_event',
      volumeMl: 250,
      adverseNote: 'Tụt huyết áp nhẹ',
    });
    await attempt(w.donorP, {
      donatedOn: '2026-02-02',
      outcome: 'deferred',
      deferralReason: 'infection_risk',
    });

    // Today's drive, 07:00–11:00 in half hours; it is 09:00.
    const fields = {
      title: 'Ngày hội hiến máu Y tế Điện Biên',
      site: 'Bệnh viện Đa khoa tỉnh Điện Biên',
      provinceCode: '11',
      driveDate: '2026-05-04',
      opensAt: '07:00',
      closesAt: '11:00',
      slotMinutes: 30,
      capacityPerSlot: 3,
    };
    const drive = await write(
      'POST /api/blood/drives',
      desk,
      'POST',
      '/api/blood/drives',
      {
        organiserOrgId: a.union.id,
        ...fields,
      },
      ['create'],
    );
    w.drive = drive.id;
    const opened = await write(
      'PUT /api/blood/drives/{id}',
      desk,
      'PUT',
      `/api/blood/drives/${w.drive}`,
      {
        ...fields,
        version: drive.version,
        status: 'open',
      },
      ['blood.drive.open'],
    );
    w.slots = opened.slots.map((s: { id: number }) => s.id);
    await write(
      'PUT /api/blood/drives/{id}/slots/{slotId}',
      desk,
      'PUT',
      `/api/blood/drives/${w.drive}/slots/${w.slots[7]}`,
      {
        capacity: 4,
      },
      ['update'],
    );
    const book = async (name: string, slot: number) => {
      const personId = await buildKeptPerson(t, a.union, name);
      const made = await write(
        'POST /api/blood/drives/{id}/bookings',
        desk,
        'POST',
        `/api/blood/drives/${w.drive}/bookings`,
        {
          personId,
          slotId: w.slots[slot],
        },
        ['blood.booking.staff'],
      );
      return { personId, id: made.booking.id as number, token: made.invitationToken as string };
    };
    const pD = await book('Vì Thị Chờ', 4);
    const pOK = await book('Mùa Văn Đủ', 4);
    const pQ = await book('Sùng Thị Hỏi', 5);
    const pNS = await book('Giàng Văn Vắng', 0);
    const pMove = await book('Hờ Văn Chuyển', 6);
    const pCancel = await book('Lý Thị Huỷ', 6);
    w.pD = pD.id;
    w.pOK = pOK.id;
    w.pQ = pQ.id;
    const bookingUrl = (id: number, leaf: string) => `/api/blood/drives/${w.drive}/bookings/${id}/${leaf}`;
    await write(
      'POST /api/blood/drives/{id}/bookings/{bookingId}/move',
      desk,
      'POST',
      bookingUrl(pMove.id, 'move'),
      {
        slotId: w.slots[7],
      },
      ['blood.booking.move'],
    );
    await write(
      'POST /api/blood/drives/{id}/bookings/{bookingId}/cancel',
      desk,
      'POST',
      bookingUrl(pCancel.id, 'cancel'),
      {},
      ['blood.booking.cancel', 'blood.booking.late_cancel'],
    );
    await write(
      'POST /api/blood/drives/{id}/waitlist',
      desk,
      'POST',
      `/api/blood/drives/${w.drive}/waitlist`,
      {
        personId: await buildKeptPerson(t, a.union, 'Chảo Thị Chờ Chỗ'),
      },
      ['blood.waitlist.join'],
    );
    // The donor answers the same-day questionnaire on their own page.
    const q = await personAccount(t, pQ.personId);
    await write(
      'PUT /api/me/blood/bookings/{id}/questionnaire',
      q,
      'PUT',
      `/api/me/blood/bookings/${pQ.id}/questionnaire`,
      {
        answers,
      },
      ['blood.booking.questionnaire'],
    );
    // The desk: check-in by list, by token, a walk-in; screening (one deferred), the donation, a no-show.
    const deskUrl = (leaf: string) => `/api/blood/drives/${w.drive}/desk/${leaf}`;
    const checkIn = 'POST /api/blood/drives/{id}/desk/check-in';
    await write(checkIn, desk, 'POST', deskUrl('check-in'), { bookingId: pD.id }, ['blood.desk.check_in']);
    await write(checkIn, desk, 'POST', deskUrl('check-in'), { token: pOK.token }, ['blood.desk.check_in']);
    await write(
      checkIn,
      desk,
      'POST',
      deskUrl('check-in'),
      {
        walkIn: { person: { fullName: 'Thào Văn Đến', birthDate: '1995-06-01', sex: 'male' } },
      },
      ['blood.desk.walk_in'],
    );
    const screening = 'POST /api/blood/drives/{id}/desk/bookings/{bookingId}/screening';
    await write(
      screening,
      desk,
      'POST',
      deskUrl(`bookings/${pD.id}/screening`),
      {
        outcome: 'deferred',
        reasonCode: 'low_hemoglobin',
      },
      ['blood.desk.screen'],
    );
    await write(
      screening,
      desk,
      'POST',
      deskUrl(`bookings/${pOK.id}/screening`),
      {
        outcome: 'eligible',
        weightKg: 61,
      },
      ['blood.desk.screen'],
    );
    await write(
      'POST /api/blood/drives/{id}/desk/bookings/{bookingId}/donation',
      desk,
      'POST',
      deskUrl(`bookings/${pOK.id}/donation`),
      {
        volumeMl: 350,
        weightKg: 61,
      },
      ['blood.desk.donation'],
    );
    await write(
      'POST /api/blood/drives/{id}/desk/bookings/{bookingId}/no-show',
      desk,
      'POST',
      deskUrl(`bookings/${pNS.id}/no-show`),
      {},
      ['blood.desk.no_show'],
    );

    // The donor's own page: book, move, cancel, the waitlist.
    const mine = await write(
      'POST /api/me/blood/bookings',
      donorA,
      'POST',
      '/api/me/blood/bookings',
      {
        driveId: w.drive,
        slotId: w.slots[7],
      },
      ['blood.booking.self'],
    );
    const myId = mine.booking.id as number;
    await write(
      'POST /api/me/blood/bookings/{id}/move',
      donorA,
      'POST',
      `/api/me/blood/bookings/${myId}/move`,
      {
        slotId: w.slots[6],
      },
      ['blood.booking.move'],
    );
    await write(
      'POST /api/me/blood/bookings/{id}/cancel',
      donorA,
      'POST',
      `/api/me/blood/bookings/${myId}/cancel`,
      {},
      ['blood.booking.cancel', 'blood.booking.late_cancel'],
    );
    await write(
      'POST /api/me/blood/drives/{id}/waitlist',
      donorA,
      'POST',
      `/api/me/blood/drives/${w.drive}/waitlist`,
      {
        nextDrive: true,
      },
      ['blood.waitlist.join'],
    );

    // A rare-blood club (its members' groups are health data), and an empty club deleted.
    const club = await write(
      'POST /api/blood/clubs',
      desk,
      'POST',
      '/api/blood/clubs',
      {
        orgId: a.union.id,
        name: 'CLB nhóm máu hiếm Điện Biên',
        kind: 'rare_blood',
        provinceCode: '11',
      },
      ['blood.club.create'],
    );
    w.club = club.id;
    await write(
      'PUT /api/blood/clubs/{id}',
      desk,
      'PUT',
      `/api/blood/clubs/${w.club}`,
      {
        name: 'CLB nhóm máu hiếm tỉnh Điện Biên',
        kind: 'rare_blood',
        provinceCode: '11',
      },
      ['blood.club.update'],
    );
    const members = await write(
      'POST /api/blood/clubs/{id}/members',
      desk,
      'POST',
      `/api/blood/clubs/${w.club}/members`,
      {
        personIds: [w.donorH.personId, w.donorP.personId],
        since: '2026-01-01',
      },
      ['blood.club.members_add'],
    );
    await write(
      'PUT /api/blood/clubs/{id}/members/{memberId}',
      desk,
      'PUT',
      `/api/blood/clubs/${w.club}/members/${members[0].id}`,
      {
        role: 'mobiliser',
        since: '2026-01-01',
      },
      ['blood.club.member_update'],
    );
    await write(
      'POST /api/blood/clubs/{id}/activities',
      desk,
      'POST',
      `/api/blood/clubs/${w.club}/activities`,
      {
        heldOn: '2026-04-15',
        title: 'Sinh hoạt câu lạc bộ',
        participants: 12,
      },
      ['blood.club.activity_add'],
    );
    const empty = await write(
      'POST /api/blood/clubs',
      desk,
      'POST',
      '/api/blood/clubs',
      {
        orgId: a.union.id,
        name: 'CLB dự bị',
        kind: 'reserve',
      },
      ['blood.club.create'],
    );
    await write('DELETE /api/blood/clubs/{id}', desk, 'DELETE', `/api/blood/clubs/${empty.id}`, undefined, [
      'blood.club.delete',
    ]);

    // A call-out for O Rh+: Điện Biên An's donor is asked, accepts, comes; the call-out is closed.
    const callout = await write(
      'POST /api/blood/callouts',
      desk,
      'POST',
      '/api/blood/callouts',
      {
        requesterOrgId: a.union.id,
        abo: 'O',
        rh: 'pos',
        units: 1,
        place: 'Khoa Huyết học – Bệnh viện Đa khoa tỉnh Điện Biên',
        provinceCode: '11',
        neededBy: '2026-05-20T10:00:00+07:00',
      },
      ['blood.callout.create'],
    );
    w.callout = callout.id;
    expect(callout.counts.notified).toBe(1);
    await write(
      'POST /api/me/blood/callouts/{id}/reply',
      donorA,
      'POST',
      `/api/me/blood/callouts/${w.callout}/reply`,
      {
        answer: 'accept',
      },
      ['blood.callout.reply'],
    );
    const refs = (await desk.get(`/api/blood/callouts/${w.callout}`)).json().donors;
    await write(
      'POST /api/blood/callouts/{id}/attendance',
      desk,
      'POST',
      `/api/blood/callouts/${w.callout}/attendance`,
      {
        came: [refs[0].ref],
      },
      ['blood.callout.attendance'],
    );
    await write(
      'POST /api/blood/callouts/{id}/close',
      desk,
      'POST',
      `/api/blood/callouts/${w.callout}/close`,
      {},
      ['blood.callout.close'],
    );

    // Honours: a rule, a proposal for the donor with health data, a decision.
    await write(
      'POST /api/blood/honour-rules',
      desk,
      'POST',
      '/api/blood/honour-rules',
      {
        orgId: a.province.id,
        decidingBody: 'Ban Chỉ đạo vận động hiến máu tỉnh Điện Biên',
        kind: 'individual',
        threshold: 5,
        titleVi: 'Giấy khen 5 lần hiến máu',
        titleEn: 'Certificate of merit, 5 donations',
        effectiveFrom: '2026-01-01',
      },
      ['blood.honour_rule.create'],
    );
    const proposed = await write(
      'POST /api/blood/honours',
      desk,
      'POST',
      '/api/blood/honours',
      {
        orgId: a.union.id,
        ruleId: a.ruleId,
        personIds: [w.donorH.personId],
      },
      ['blood.honour.propose'],
    );
    w.honour = proposed[0].id;
    await write(
      'PUT /api/blood/honours/{id}',
      desk,
      'PUT',
      `/api/blood/honours/${w.honour}`,
      {
        status: 'approved',
        decisionNo: '12/QĐ-HCTĐ',
        decidedOn: '2026-05-04',
      },
      ['blood.honour.decide'],
    );

    // Every write operation of the module was made (and audited) above.
    const writes = (await bloodOperations(t))
      .filter((o) => o.method !== 'GET')
      .map((o) => `${o.method} ${o.path}`);
    expect(writes.filter((op) => !written.has(op))).toEqual([]);
  });

  it('shows the health data to the collection desk (the controls: the values searched for below are there)', async () => {
    const desk = a.desk;
    expect((await desk.get(`/api/blood/donors/${w.donorH.id}`)).json()).toMatchObject({
      abo: 'AB',
      rh: 'neg',
      rareFlags: ['kell_neg'],
      weightKg: 53.7,
    });
    const history = await desk.get(`/api/blood/donors/${w.donorH.id}/donations`);
    for (const m of ['tattoo_piercing', 'Choáng nhẹ', '2026-09-23', ':"adverse_event"'])
      expect(history.body).toContain(m);
    const e = await desk.get(`/api/blood/donors/${w.donorAE.id}/eligibility`);
    expect(e.body).toContain('2026-07-13');
    expect((await desk.get(`/api/blood/donors/${w.donorP.id}/eligibility`)).body).toContain(
      'deferred_permanent',
    );
    const bookings = (await desk.get(`/api/blood/drives/${w.drive}/bookings`)).json();
    expect(bookings.find((b: { id: number }) => b.id === w.pD).status).toBe('deferred');
    expect((await desk.get('/api/blood/donors?abo=AB')).json().total).toBe(1);
    const members = (await desk.get(`/api/blood/clubs/${w.club}/members`)).json();
    expect(members.map((m: { abo: string }) => m.abo).sort()).toEqual(['A', 'AB']);
    if (hasPoppler()) {
      const report = pdfText((await desk.get(`/api/blood/drives/${w.drive}/report.pdf`)).rawPayload);
      expect(report.slice(report.indexOf('Vì Thị Chờ'), report.indexOf('Vì Thị Chờ') + 60)).toContain(
        'Tạm hoãn',
      );
    }
  });
});

describe('health data never reaches a caller without blood.health', () => {
  /** The GET urls of every blood operation, its path filled from the world (several donors, every attempt). */
  function urlsOf(op: { path: string }): string[] {
    const p = op.path;
    const fill = (ids: number[]) => ids.map((id) => p.replace('{id}', String(id)));
    if (p.startsWith('/api/blood/donors/{id}')) return fill([w.donorH.id, w.donorAE.id, w.donorP.id]);
    if (p.startsWith('/api/blood/donations/{id}'))
      return fill([...w.donorH.attempts, ...w.donorAE.attempts, ...w.donorP.attempts]);
    if (p.startsWith('/api/blood/drives/{id}')) return fill([w.drive]);
    if (p.startsWith('/api/blood/clubs/{id}')) return fill([w.club]);
    if (p.startsWith('/api/blood/callouts/{id}')) return fill([w.callout]);
    if (p.startsWith('/api/blood/honours/{id}')) return fill([w.honour]);
    if (p === '/api/blood/donors')
      return [
        '',
        '?q=L%C3%B2%20Th%E1%BB%8B%20S%E1%BB%A9c%20Kho%E1%BA%BB',
        '?abo=AB',
        '?rh=neg',
        '?rare=true',
        '?eligibleToday=true',
        '?eligibleToday=false',
        '?pageSize=200',
      ].map((q) => p + q);
    if (p === '/api/blood/honours/candidates')
      return [`${p}?orgId=${a.union.id}&from=2020-01-01&to=2026-05-04`];
    if (p === '/api/blood/honours/list.pdf') return [`${p}?orgId=${a.union.id}`];
    if (p.includes('{')) throw new Error(`no ids for ${p}`);
    return [p];
  }

  it('answers no health value on any blood GET, file or export to the organiser, the viewer or the administrator', async () => {
    const gets = (await bloodOperations(t)).filter(
      (o) => o.method === 'GET' && !o.isPublic && !o.path.startsWith('/api/me/'),
    );
    expect(gets.length).toBeGreaterThan(20);
    let read = 0;
    for (const s of [organiser, viewer, admin])
      for (const op of gets) {
        // The list of deferral reasons is the law's catalogue (Thông tư 26/2013), about no one.
        if (op.path === '/api/blood/deferral-reasons') continue;
        for (const url of urlsOf(op)) {
          const res = await s.get(url);
          expect(res.statusCode, `${url} ${res.body.slice(0, 300)}`).toBeLessThan(500);
          const text = await textOf(res);
          if (text === null) continue;
          expectNoHealth(text, url, { groupOfRequest: op.path.startsWith('/api/blood/callouts') });
          read += 1;
        }
      }
    expect(read).toBeGreaterThan(80);
  });

  it('keeps a donor who was deferred or had an adverse event looking like anyone not eligible today', async () => {
    for (const s of [organiser, viewer]) {
      const h = (await s.get(`/api/blood/donors/${w.donorH.id}`)).json();
      expect(h).toMatchObject({ abo: null, rh: null, rareFlags: null, weightKg: null, healthVisible: false });
      expect(h).toMatchObject({ eligibleToday: false, nextEligibleOn: null, donationCount: 1 });
      const history = (await s.get(`/api/blood/donors/${w.donorH.id}/donations`)).json();
      expect(history.items.map((d: { outcome: string }) => d.outcome)).toEqual(['donated']);
      for (const d of [w.donorH, w.donorAE, w.donorP]) {
        const e = (await s.get(`/api/blood/donors/${d.id}/eligibility`)).json();
        expect(e).toMatchObject({ eligible: false, nextEligibleOn: null, maxVolumeMl: null });
        expect(e.refusals.map((r: { code: string }) => r.code)).toEqual(['health']);
      }
      // Attempts without blood do not exist for them, certificate or not.
      for (const id of [w.donorH.attempts[1]!, w.donorH.attempts[2]!, w.donorP.attempts[0]!])
        expect((await s.get(`/api/blood/donations/${id}/certificate.pdf`)).json().error.code).toBe(
          'donors.donation.not_found',
        );
    }
  });

  it('treats a filter on the blood group as disclosure: it narrows to the donors whose group the caller may read', async () => {
    for (const s of [organiser, viewer, admin])
      for (const q of ['abo=AB', 'abo=O', 'rh=neg', 'rh=pos', 'rare=true'])
        expect((await s.get(`/api/blood/donors?${q}`)).json().total, q).toBe(0);
    expect((await a.desk.get('/api/blood/donors?rare=true')).json().total).toBe(1);
    // A call-out to a club asks its members by group and counts them: blood.health over the club only.
    const body = {
      requesterOrgId: a.union.id,
      abo: 'A',
      rh: 'neg',
      units: 1,
      place: 'Bệnh viện Đa khoa tỉnh Điện Biên',
      provinceCode: '11',
      neededBy: '2026-05-21T10:00:00+07:00',
      clubId: w.club,
    };
    const refused = await organiser.post('/api/blood/callouts', body);
    expect(refused.statusCode).toBe(403);
    expectNoHealth(refused.body, 'call-out to a club');
    expect((await a.desk.post('/api/blood/callouts', body)).statusCode).toBe(201);
    // Club members: names for the club's officers, groups only for the desk.
    const members = await organiser.get(`/api/blood/clubs/${w.club}/members`);
    expect(members.json().map((m: { abo: unknown }) => m.abo)).toEqual([null, null]);
  });

  it('prints no screening result next to a donor’s name in the drive report', async () => {
    for (const s of [organiser, viewer]) {
      const xlsx = await s.get(`/api/blood/drives/${w.drive}/report.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const list = wb.getWorksheet('Danh sách người hiến')!;
      const row = list.getRows(1, list.rowCount)!.find((r) => r.getCell(2).value === 'Vì Thị Chờ')!;
      expect(row.getCell(6).value).toBe('Đã khám');
      if (hasPoppler()) {
        const text = pdfText((await s.get(`/api/blood/drives/${w.drive}/report.pdf`)).rawPayload);
        const line = text.slice(text.indexOf('Vì Thị Chờ'), text.indexOf('Vì Thị Chờ') + 60);
        expect(line).toContain('Đã khám');
        expect(line).not.toContain('Tạm hoãn');
      }
      const desk = (await s.get(`/api/blood/drives/${w.drive}/bookings`)).json();
      expect(desk.find((b: { id: number }) => b.id === w.pD).status).toBe('screened');
    }
  });

  it('refuses without saying the health reason: a booking, a donation, a volume, a booking’s state', async () => {
    // Booking the deferred donor at Điện Biên An's drive of 16/5.
    const book = { personId: w.donorH.personId, slotId: a.slots[2] };
    const refused = await organiser.post(`/api/blood/drives/${a.driveId}/bookings`, book);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ nextEligibleOn: null, codes: ['health'] });
    expectNoHealth(refused.body, 'booking refusal');
    const told = await a.desk.post(`/api/blood/drives/${a.driveId}/bookings`, book);
    expect(told.body).toContain('23/09/2026');
    // Recording a donation for the donor deferred for good.
    const donation = {
      personId: w.donorP.personId,
      donatedOn: '2026-05-04',
      organiserOrgId: a.union.id,
      kind: 'whole_blood',
      volumeMl: 350,
      outcome: 'donated',
    };
    const notEligible = await organiser.post('/api/blood/donations', donation);
    expect(notEligible.statusCode).toBe(409);
    expect(notEligible.json().error.details.refusals.map((r: { code: string }) => r.code)).toEqual([
      'health',
    ]);
    expectNoHealth(notEligible.body, 'donation refusal');
    expect((await a.desk.post('/api/blood/donations', donation)).body).toContain('deferred_permanent');
    // A volume over the cap: the kind's maximum, never the one the weight gives.
    const tooMuch = await organiser.post('/api/blood/donations', {
      ...donation,
      personId: a.personId,
      volumeMl: 600,
    });
    expect(tooMuch.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.volumeMl', code: 'blood.volume_over_max', params: { max: 500 } }),
    ]);
    // An adverse event is health data to record, as a deferral.
    const adverse = await organiser.post('/api/blood/donations', {
      ...donation,
      personId: a.personId,
      outcome: 'adverse_event',
    });
    expect(adverse.json().error.code).toBe('donors.health_forbidden');
    // The deferred booking's state, as the organiser may know it.
    const state = await organiser.post(`/api/blood/drives/${w.drive}/desk/bookings/${w.pD}/no-show`);
    expect(state.json().error.code).toBe('drives.booking_state');
    expectNoHealth(state.body, 'booking state');
    expect(state.body).not.toContain('deferred');
  });

  it('keeps health values out of the audit log, its export and the notices', async () => {
    const all = await rows<{ action: string; text: string }>(
      t.db,
      sql`SELECT action, concat_ws(' ', entity_label, before::text, after::text) AS text FROM audit_log`,
    );
    expect(all.length).toBeGreaterThan(60);
    for (const e of all)
      expectNoHealth(e.text.replaceAll('": ', '":'), `audit ${e.action}`, {
        groupOfRequest: e.action.startsWith('blood.callout'),
      });
    // Reading a history with blood.health is audited whatever it holds: the log does not tell who was deferred.
    const reads = () =>
      rows<{ n: number }>(
        t.db,
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'read_sensitive'`,
      );
    const before = (await reads())[0]!.n;
    await a.desk.get(`/api/blood/donors/${a.donorId}/donations`);
    await a.desk.get(`/api/blood/donors/${w.donorH.id}/donations`);
    expect((await reads())[0]!.n).toBe(before + 2);
    const [x, y] = await rows<{ after: unknown }>(
      t.db,
      sql`SELECT after FROM audit_log WHERE action = 'read_sensitive' ORDER BY id DESC LIMIT 2`,
    );
    expect(x!.after).toEqual(y!.after);

    let page = 1;
    for (;;) {
      const res = await admin.get(`/api/audit?pageSize=200&page=${page}`);
      expect(res.statusCode).toBe(200);
      expectNoHealth(res.body, `GET /api/audit page ${page}`, { groupOfRequest: true });
      const { items, total } = res.json();
      if (page * 200 >= total || items.length === 0) break;
      page += 1;
    }
    const exported = await admin.get('/api/audit/export.xlsx');
    expect(exported.statusCode).toBe(200);
    expectNoHealth((await textOf(exported))!, 'audit export', { groupOfRequest: true });
    for (const s of [organiser, viewer, admin])
      expectNoHealth((await s.get('/api/notifications')).body, 'notices');
  });
});

describe('logs', () => {
  it('keep a request’s path, never its query string (a filter on a group, a searched name)', async () => {
    const lines: string[] = [];
    const app = await buildApp(
      { database: t.database, db: t.db, clock: t.clock, config: t.config },
      modules,
      {
        level: 'info',
        stream: { write: (line: string) => lines.push(line) },
      },
    );
    const url = '/api/blood/donors?abo=AB&rh=neg&q=L%C3%B2%20Th%E1%BB%8B%20S%E1%BB%A9c%20Kho%E1%BA%BB';
    const res = await app.inject({ method: 'GET', url, cookies: { ct_session: a.desk.cookie } });
    expect(res.statusCode).toBe(200);
    await app.close();
    const log = lines.join('');
    expect(log).toContain('"url":"/api/blood/donors"');
    for (const secret of ['abo=', 'rh=neg', 'q=', 'L%C3%B2', 'Lò Thị']) expect(log).not.toContain(secret);
  });
});

describe('certificate of donation verification (public)', () => {
  it('answers only validity, initials, day and site, and the same 404 to any number that is not one', async () => {
    const check = await t.app.inject({ method: 'GET', url: `/api/verify/blood/${a.certificateNo}` });
    expect(check.statusCode).toBe(200);
    expect(Object.keys(check.json()).sort()).toEqual([
      'donatedOn',
      'establishmentName',
      'initials',
      'number',
      'site',
      'valid',
    ]);
    expect(check.json()).toMatchObject({ valid: true, initials: 'N. V. Đ. B. A.', donatedOn: '2026-01-05' });
    const page = await t.app.inject({ method: 'GET', url: `/verify/blood/${a.certificateNo.toLowerCase()}` });
    expect(page.statusCode).toBe(200);
    for (const secret of [a.donorName, '1990', 'Mã số người hiến', 'Rh', '350', '"abo"'])
      expect(page.body + check.body).not.toContain(secret);
    // The number: the year's sequence and 8 random letters (32^8); a guess of the letters is not found, and is
    // answered exactly as a made-up number.
    expect(a.certificateNo).toMatch(/^GCNHM-2026-\d{6}-[A-HJ-NP-Z2-9]{8}$/);
    const guess = a.certificateNo.replace(/-[A-Z2-9]{8}$/, '-AAAAAAAA');
    const made = 'GCNHM-2026-999999-ZZZZZZZZ';
    for (const prefix of ['/api/verify/blood/', '/verify/blood/']) {
      const [g, m] = await Promise.all(
        [guess, made].map((n) => t.app.inject({ method: 'GET', url: `${prefix}${n}` })),
      );
      expect(g!.statusCode).toBe(404);
      expect(g!.body.replace(guess, '#')).toBe(m!.body.replace(made, '#'));
    }
    // An attempt that took no blood has no certificate number to verify.
    const numbers = await rows<{ n: string | null }>(
      t.db,
      sql`SELECT certificate_no AS n FROM blood_donations WHERE outcome <> 'donated'`,
    );
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((r) => r.n === null)).toBe(true);
  });

  it('is rate-limited per address, as the platform’s other public verifications', async () => {
    const limited = await createTestApp(BLOOD_NOW, { VERIFY_RATE_LIMIT_PER_MINUTE: '3' });
    for (const url of [
      '/api/verify/blood/GCNHM-2026-000001-AAAAAAAA',
      '/verify/blood/GCNHM-2026-000001-AAAAAAAA',
    ]) {
      const get = () => limited.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.9' });
      for (let i = 0; i < 3; i++) expect((await get()).statusCode).toBe(404);
      expect((await get()).statusCode).toBe(429);
    }
  });
});
