import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDriveWorld, buildPerson, driveBody } from '../../../../test/helpers/drives.fixtures.ts';
import { hasPoppler, pdfText, renderPage } from '../../../../test/helpers/pdf.fixtures.ts';
import { expectNotFound } from '../../../../test/helpers/refusals.ts';
import { countRows, createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';

// The drive day, 7/4/2021, 07:10 in Điện Biên: the first slot (07:00–07:30) is under way.
let t: TestApp;
let w: Awaited<ReturnType<typeof buildDriveWorld>>;

beforeAll(async () => {
  t = await createTestApp('2021-04-01T02:00:00Z', { SESSION_TTL_HOURS: '1000' });
  w = await buildDriveWorld(t);
});
afterAll(() => t.app.close());

async function openDrive() {
  const d = (await w.organiser.post('/api/blood/drives', driveBody(w.union.id))).json();
  return (
    await w.organiser.request({
      method: 'PUT',
      url: `/api/blood/drives/${d.id}`,
      json: { ...driveBody(w.union.id), organiserOrgId: undefined, version: d.version, status: 'open' },
    })
  ).json();
}

describe('the check-in desk', () => {
  it('checks in by token and walk-in, screens, defers, records a donation within the volume limit, marks a no-show, and counts the funnel', async () => {
    const d = await openDrive();
    const [booked, late, absent] = [
      await buildPerson(t.db, w.union, { fullName: 'Lò Thị Đặt', sex: 'female' }),
      await buildPerson(t.db, w.union, { fullName: 'Quàng Văn Hoãn' }),
      await buildPerson(t.db, w.union, { fullName: 'Tòng Văn Vắng' }),
    ];
    // She is on the donor list, weighed 50 kg last year.
    await t.db.execute(
      sql`INSERT INTO donor_profiles (person_id, donor_no, weight_kg, weight_on)
          VALUES (${booked}, 'HM-2020-000001', 50, '2020-06-01')`,
    );
    const made = (
      await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, {
        personId: booked,
        slotId: d.slots[0].id,
      })
    ).json();
    const made2 = (
      await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, { personId: late, slotId: d.slots[0].id })
    ).json();
    const made3 = (
      await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, {
        personId: absent,
        slotId: d.slots[1].id,
      })
    ).json();
    t.clock.set('2021-04-07T00:10:00Z');

    const desk0 = (await w.desk.get(`/api/blood/drives/${d.id}/desk`)).json();
    expect(desk0.currentSlot.id).toBe(d.slots[0].id);
    expect(desk0.counts.expected).toBe(2);
    expect(desk0.reasons).toContainEqual(expect.objectContaining({ code: 'low_hemoglobin', days: 90 }));

    const wrong = await w.desk.post(`/api/blood/drives/${d.id}/desk/check-in`, { token: 'x'.repeat(43) });
    expect(wrong.json().error.code).toBe('drives.token_invalid');
    const byToken = await w.desk.post(`/api/blood/drives/${d.id}/desk/check-in`, {
      token: made.invitationToken,
    });
    expect(byToken.statusCode, byToken.body).toBe(200);
    expect(byToken.json()).toMatchObject({ status: 'checked_in', queueNo: 1 });
    const twice = await w.desk.post(`/api/blood/drives/${d.id}/desk/check-in`, {
      token: made.invitationToken,
    });
    expect(twice.json().error.code).toBe('drives.booking_state');

    // A new walk-in needs a birth date and a sex (the rules judge age and weight by them): nobody checked in.
    const half = await w.desk.post(`/api/blood/drives/${d.id}/desk/check-in`, {
      walkIn: { person: { fullName: 'Lường Văn Vội' } },
    });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.walkIn.person.birthDate',
      'body.walkIn.person.sex',
    ]);
    expect(await countRows(t.db, 'people', sql`full_name = 'Lường Văn Vội'`)).toBe(0);

    // The walk-in lane always exists, even when every slot is full.
    const walkIn = await w.desk.post(`/api/blood/drives/${d.id}/desk/check-in`, {
      walkIn: {
        person: { fullName: 'Lường Văn Đến', birthDate: '1992-08-15', sex: 'male', phone: '0912345678' },
      },
    });
    expect(walkIn.statusCode, walkIn.body).toBe(200);
    expect(walkIn.json()).toMatchObject({
      channel: 'walk_in',
      queueNo: 2,
      slotId: null,
      status: 'checked_in',
    });
    await w.desk.post(`/api/blood/drives/${d.id}/desk/check-in`, { bookingId: made2.booking.id });
    const desk1 = (await w.desk.get(`/api/blood/drives/${d.id}/desk`)).json();
    expect(desk1.counts).toMatchObject({ waiting: 3, walkInsWaiting: 1, expected: 0 });

    // Screening needs blood.health: the organiser (blood.manage only) may not.
    const noHealth = await w.organiser.post(
      `/api/blood/drives/${d.id}/desk/bookings/${made.booking.id}/screening`,
      {
        outcome: 'eligible',
        weightKg: 60,
      },
    );
    expect(noHealth.statusCode).toBe(403);
    const ok = await w.desk.post(`/api/blood/drives/${d.id}/desk/bookings/${made.booking.id}/screening`, {
      outcome: 'eligible',
      weightKg: 44,
    });
    expect(ok.json().status).toBe('screened');
    // The weight measured is the donor's weight from now on (the volume rules read it at the next drive).
    const [profile] = await rows<{ kg: number; on: string }>(
      t.db,
      sql`SELECT weight_kg::float8 AS kg, weight_on::text AS on FROM donor_profiles WHERE person_id = ${booked}`,
    );
    expect(profile).toEqual({ kg: 44, on: '2021-04-07' });
    // 44 kg: at most 250 ml.
    const tooMuch = await w.desk.post(`/api/blood/drives/${d.id}/desk/bookings/${made.booking.id}/donation`, {
      volumeMl: 350,
      weightKg: 44,
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details.issues[0]).toMatchObject({
      path: 'body.volumeMl',
      params: { max: 250 },
    });
    const donated = await w.desk.post(`/api/blood/drives/${d.id}/desk/bookings/${made.booking.id}/donation`, {
      volumeMl: 250,
      weightKg: 44,
    });
    expect(donated.json().status).toBe('donated');

    const deferred = await w.desk.post(
      `/api/blood/drives/${d.id}/desk/bookings/${made2.booking.id}/screening`,
      {
        outcome: 'deferred',
        reasonCode: 'low_hemoglobin',
      },
    );
    // The desk tells the donor from when they may come back (90 days for a low haemoglobin).
    expect(deferred.json()).toMatchObject({
      status: 'deferred',
      deferral: { until: '2021-07-06', permanent: false },
    });
    const [row] = await rows<{ outcome: string; until: string }>(
      t.db,
      sql`SELECT outcome, deferral_until::text AS until FROM blood_donations WHERE person_id = ${late}`,
    );
    expect(row).toEqual({ outcome: 'deferred', until: '2021-07-06' });
    // The audit names neither the outcome nor the reason (health data).
    const audit = await rows<{ after: unknown }>(
      t.db,
      sql`SELECT after FROM audit_log WHERE action = 'blood.desk.screen' AND entity_id = ${String(made2.booking.id)}`,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/low_hemoglobin|deferred/);

    // No-show: not before the slot ends; after it, the action works.
    const early = await w.desk.post(`/api/blood/drives/${d.id}/desk/bookings/${made3.booking.id}/no-show`);
    expect(early.json().error.code).toBe('drives.slot_not_ended');
    t.clock.set('2021-04-07T01:00:00Z');
    const noShow = await w.desk.post(`/api/blood/drives/${d.id}/desk/bookings/${made3.booking.id}/no-show`);
    expect(noShow.json().status).toBe('no_show');

    const funnel = (await w.organiser.get(`/api/blood/drives/${d.id}/funnel`)).json();
    // The organiser reads no health data: the deferral is among the screened, counted nowhere on its own.
    expect(funnel.totals).toEqual({
      registered: 4,
      checkedIn: 3,
      screened: 2,
      donated: 1,
      deferred: null,
      noShow: 1,
      cancelled: 0,
      lateCancelled: 0,
      walkIns: 1,
    });
    expect(funnel.slots.every((s: { deferred: number | null }) => s.deferred === null)).toBe(true);
    const seen = (await w.desk.get(`/api/blood/drives/${d.id}/funnel`)).json();
    expect(seen.totals.deferred).toBe(1);
    expect((await w.organiser.get(`/api/blood/drives/${d.id}/desk`)).json().counts.deferred).toBeNull();
    expect((await w.desk.get(`/api/blood/drives/${d.id}/desk`)).json().counts.deferred).toBe(1);
    expect(funnel.targetUnits).toBe(10);
    const walkInLane = funnel.slots.find((s: { slotId: number | null }) => s.slotId === null);
    expect(walkInLane).toMatchObject({ walkIns: 1, checkedIn: 1 });
    expect(await countRows(t.db, 'audit_log', sql`action LIKE 'blood.desk.%'`)).toBeGreaterThanOrEqual(6);

    // The drive report: the same figures, in a workbook and a printable PDF (no health data in either).
    const xlsx = await w.organiser.get(`/api/blood/drives/${d.id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('Tổng hợp')!;
    const donatedRow = summary
      .getRows(1, summary.rowCount)!
      .find((r) => r.getCell(1).value === 'Đã hiến (đơn vị máu)');
    expect([donatedRow!.getCell(2).value, donatedRow!.getCell(3).value]).toEqual([1, '10%']);
    const pdf = await w.organiser.get(`/api/blood/drives/${d.id}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (hasPoppler()) {
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('BÁO CÁO KẾT QUẢ ĐIỂM HIẾN MÁU TÌNH NGUYỆN');
      expect(text).toContain('Lường Văn Đến');
      expect(text).not.toContain('Huyết sắc tố');
      renderPage(pdf.rawPayload, 1, { dpi: 90, sample: 'blood-drive-report.png' });
    }
  });

  it('another organiser cannot open the desk; the no-show job marks bookings of ended slots', async () => {
    t.clock.set('2021-04-01T02:00:00Z');
    const d = await openDrive();
    expectNotFound(await w.stranger.get(`/api/blood/drives/${d.id}/desk`), [d.title]);
    const p = await buildPerson(t.db, w.union);
    const made = (
      await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, { personId: p, slotId: d.slots[3].id })
    ).json();
    const { markNoShows } = await import('./desk.service.ts');
    t.clock.set('2021-04-08T01:00:00Z');
    await markNoShows({ db: t.db, clock: t.clock, meta: { ip: null, userAgent: 'test', requestId: null } });
    const list = (await w.organiser.get(`/api/blood/drives/${d.id}/bookings`)).json();
    expect(list.find((b: { id: number }) => b.id === made.booking.id).status).toBe('no_show');
  });

  it('opens on the drive’s day, not before; a walk-in who gives becomes a donor: numbered, listed, certified', async () => {
    t.clock.set('2021-04-01T02:00:00Z');
    const d = await openDrive();
    const desk = `/api/blood/drives/${d.id}/desk`;
    const walkIn = {
      walkIn: {
        person: { fullName: 'Quàng Thị Mới', birthDate: '1995-02-03', sex: 'female', phone: '0987000111' },
      },
    };
    // Six days early: nobody checked in, nobody registered, and the desk says from which day it opens.
    const early = await w.desk.post(`${desk}/check-in`, walkIn);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'drives.desk_not_yet',
      message: 'Điểm hiến máu diễn ra ngày 07/04/2021: bàn tiếp nhận chỉ tiếp nhận người hiến từ ngày đó.',
    });
    expect(await countRows(t.db, 'people', sql`full_name = 'Quàng Thị Mới'`)).toBe(0);

    t.clock.set('2021-04-07T01:00:00Z');
    const came = await w.desk.post(`${desk}/check-in`, walkIn);
    expect(came.statusCode, came.body).toBe(200);
    const id = came.json().id;
    // She is a donor of the drive's organiser from check-in: in its list, numbered for the year.
    const listed = (await w.desk.get(`/api/blood/donors?q=${encodeURIComponent('quang thi moi')}`)).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ fullName: 'Quàng Thị Mới' });
    expect(listed.items[0].donorNo).toMatch(/^HM-2021-\d{6}$/);
    await w.desk.post(`${desk}/bookings/${id}/screening`, { outcome: 'eligible', weightKg: 52 });
    const given = await w.desk.post(`${desk}/bookings/${id}/donation`, { volumeMl: 350, weightKg: 52 });
    expect(given.statusCode, given.body).toBe(200);
    const history = (await w.desk.get(`/api/blood/donors/${listed.items[0].id}/donations`)).json();
    const donation = (history.items ?? history)[0];
    expect(donation).toMatchObject({ donatedOn: '2021-04-07', outcome: 'donated' });
    const pdf = await w.desk.get(`/api/blood/donations/${donation.id}/certificate.pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (hasPoppler()) expect(pdfText(pdf.rawPayload)).toContain('Quàng Thị Mới');
    // One profile, whichever way she is checked in next time; its creation is in the audit log.
    expect(
      await countRows(
        t.db,
        'donor_profiles',
        sql`person_id = (SELECT id FROM people WHERE full_name = 'Quàng Thị Mới')`,
      ),
    ).toBe(1);
    expect(
      await countRows(t.db, 'audit_log', sql`entity_type = 'donor_profile' AND action = 'create'`),
    ).toBeGreaterThanOrEqual(1);
  });
});
