import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDonation,
  buildDriveWorld,
  buildPerson,
  donorSession,
  driveBody,
} from '../../../../test/helpers/drives.fixtures.ts';
import { buildUser } from '../../../../test/helpers/factories.ts';
import { hasPoppler, pdfText } from '../../../../test/helpers/pdf.fixtures.ts';
import { countRows, createTestApp, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';
import { donorRemindersJob } from './reminders.job.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildDriveWorld>>;

beforeAll(async () => {
  t = await createTestApp('2021-03-31T02:00:00Z', { SESSION_TTL_HOURS: '10000' });
  w = await buildDriveWorld(t);
});
afterAll(() => t.app.close());

async function openDrive(over: Record<string, unknown> = {}) {
  const d = (await w.organiser.post('/api/blood/drives', driveBody(w.union.id, over))).json();
  return (
    await w.organiser.request({
      method: 'PUT',
      url: `/api/blood/drives/${d.id}`,
      json: { ...driveBody(w.union.id, over), organiserOrgId: undefined, version: d.version, status: 'open' },
    })
  ).json();
}

describe('the donor’s own page', () => {
  it('lists open drives, books, answers the questionnaire, moves and cancels — only their own bookings', async () => {
    const d = await openDrive();
    const me = await donorSession(t, await buildPerson(t.db, w.union, { fullName: 'Lò Văn Tự' }));
    const other = await donorSession(t, await buildPerson(t.db, w.union, { fullName: 'Cà Thị Khác' }));
    const drives = (await me.get('/api/me/blood/drives')).json();
    const listed = drives.find((x: { id: number }) => x.id === d.id);
    expect(listed.slots[0]).toMatchObject({ capacity: 2, free: 2 });

    const booked = await me.post('/api/me/blood/bookings', { driveId: d.id, slotId: d.slots[0].id });
    expect(booked.statusCode, booked.body).toBe(201);
    const bookingId = booked.json().booking.id;
    expect(booked.json().booking.channel).toBe('self');
    const again = await me.post('/api/me/blood/bookings', { driveId: d.id, slotId: d.slots[1].id });
    expect(again.json().error.code).toBe('drives.already_booked');

    // Another donor neither sees nor changes it.
    expect((await other.get('/api/me/blood')).json().bookings).toEqual([]);
    expect((await other.post(`/api/me/blood/bookings/${bookingId}/cancel`)).statusCode).toBe(404);

    const answers = {
      feelsWell: true,
      sleptWell: true,
      ateToday: true,
      recentIllness: false,
      medication: false,
      tattooPiercing6m: false,
    };
    const q = await me.request({
      method: 'PUT',
      url: `/api/me/blood/bookings/${bookingId}/questionnaire`,
      json: { answers },
    });
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().bookings[0].questionnaireAnswered).toBe(true);

    const moved = await me.post(`/api/me/blood/bookings/${bookingId}/move`, { slotId: d.slots[2].id });
    expect(moved.json().bookings[0].slotId).toBe(d.slots[2].id);
    const slots = (await w.organiser.get(`/api/blood/drives/${d.id}`)).json().slots;
    expect(slots.map((s: { booked: number }) => s.booked)).toEqual([0, 0, 1, 0]);

    const cancelled = await me.post(`/api/me/blood/bookings/${bookingId}/cancel`);
    expect(cancelled.json().bookings[0].status).toBe('cancelled');

    // On the day, a slot that has started is neither offered nor bookable (the walk-in lane is).
    t.clock.set('2021-04-07T00:40:00Z');
    const today = (await me.get('/api/me/blood/drives')).json().find((x: { id: number }) => x.id === d.id);
    expect(today.slots.map((s: { startsAt: string }) => s.startsAt.slice(11, 16))).toEqual([
      '08:00',
      '08:30',
    ]);
    const late = await me.post('/api/me/blood/bookings', { driveId: d.id, slotId: d.slots[0].id });
    expect(late.json().error.code).toBe('drives.slot_started');
    t.clock.set('2021-03-31T02:00:00Z');
  });

  it('says when the donor may donate again, in words, and refuses a booking before that', async () => {
    const d = await openDrive();
    const p = await buildPerson(t.db, w.union);
    await buildDonation(t.db, w.union, p, '2021-02-20');
    const me = await donorSession(t, p);
    const page = (await me.get('/api/me/blood')).json();
    expect(page).toMatchObject({ donatedCount: 1, eligibleToday: false, nextEligibleOn: '2021-05-15' });
    expect(page.reasons[0]).toContain('Bạn có thể hiến lại từ 15/05/2021');
    // With its code and dates too, for the page to say it in the reader's language.
    expect(page.refusals).toMatchObject([
      { code: 'interval', until: '2021-05-15', lastOn: '2021-02-20', lastKind: 'whole_blood', days: 84 },
    ]);
    const res = await me.post('/api/me/blood/bookings', { driveId: d.id, slotId: d.slots[0].id });
    expect(res.json().error.code).toBe('drives.not_eligible');
  });

  it('a full slot offers the waitlist; a user with no person gets a clear refusal', async () => {
    const d = await openDrive({ capacityPerSlot: 1 });
    const first = await donorSession(t, await buildPerson(t.db, w.union));
    const second = await donorSession(t, await buildPerson(t.db, w.union));
    await first.post('/api/me/blood/bookings', { driveId: d.id, slotId: d.slots[0].id });
    const full = await second.post('/api/me/blood/bookings', { driveId: d.id, slotId: d.slots[0].id });
    expect(full.json().error.code).toBe('drives.slot_full');
    const waiting = await second.post(`/api/me/blood/drives/${d.id}/waitlist`, { nextDrive: false });
    expect(waiting.json().waitlist).toEqual([{ driveId: d.id, driveTitle: d.title, status: 'waiting' }]);
    const u = await buildUser(t.db);
    const nobody = await signIn(t, u.username, u.password);
    expect((await nobody.get('/api/me/blood')).json().error.code).toBe('donor_self.no_person');
  });

  it('gives the donor the certificate of a donation recorded at the desk — theirs only', async () => {
    const d = await openDrive({ driveDate: '2021-05-20' });
    const p = await buildPerson(t.db, w.union, { fullName: 'Điêu Văn Chứng' });
    await t.db.execute(
      sql`INSERT INTO donor_profiles (person_id, donor_no, abo, rh) VALUES (${p}, ${`HM-T-${p}`}, 'O', 'pos')`,
    );
    const me = await donorSession(t, p);
    const other = await donorSession(t, await buildPerson(t.db, w.union));
    const booked = (await me.post('/api/me/blood/bookings', { driveId: d.id, slotId: d.slots[0].id })).json();
    const desk = `/api/blood/drives/${d.id}/desk`;
    // Before the drive's day the desk checks nobody in; on it, the donor is checked in.
    const early = await w.desk.post(`${desk}/check-in`, { bookingId: booked.booking.id });
    expect(early.json().error).toMatchObject({
      code: 'drives.desk_not_yet',
      message: 'Điểm hiến máu diễn ra ngày 20/05/2021: bàn tiếp nhận chỉ tiếp nhận người hiến từ ngày đó.',
    });
    t.clock.set('2021-05-20T01:00:00Z');
    expect((await w.desk.post(`${desk}/check-in`, { bookingId: booked.booking.id })).statusCode).toBe(200);
    await w.desk.post(`${desk}/bookings/${booked.booking.id}/screening`, {
      outcome: 'eligible',
      weightKg: 60,
    });
    const given = await w.desk.post(`${desk}/bookings/${booked.booking.id}/donation`, {
      volumeMl: 350,
      weightKg: 60,
    });
    expect(given.statusCode, given.body).toBe(200);

    const [donation] = (await me.get('/api/me/blood')).json().donations;
    expect(donation).toMatchObject({ donatedOn: '2021-05-20', outcome: 'donated' });
    expect(donation.certificateNo).toMatch(/^GCNHM-2021-\d{6}-[A-Z2-9]{8}$/);
    const pdf = await me.get(`/api/me/blood/donations/${donation.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (hasPoppler()) {
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('Điêu Văn Chứng');
      expect(text).toContain(donation.certificateNo);
    }
    const theirs = await other.get(`/api/me/blood/donations/${donation.id}/certificate.pdf`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain('Điêu Văn Chứng');
    t.clock.set('2021-03-31T02:00:00Z');
  });

  it('reminds the day before the slot and on the day the donor may donate again (once)', async () => {
    const d = await openDrive({ driveDate: '2021-05-16' });
    const p = await buildPerson(t.db, w.union);
    await buildDonation(t.db, w.union, p, '2021-02-20');
    const me = await donorSession(t, p);
    const q = await buildPerson(t.db, w.union);
    const booker = await donorSession(t, q);
    expect(
      (await booker.post('/api/me/blood/bookings', { driveId: d.id, slotId: d.slots[0].id })).statusCode,
    ).toBe(201);
    const run = (today: string) =>
      donorRemindersJob.kind === 'daily'
        ? donorRemindersJob.run({
            db: t.db,
            clock: t.clock,
            today,
            log: { info: () => {}, error: () => {} },
            mailer: undefined as never,
          })
        : undefined;
    await run('2021-05-14');
    expect(await countRows(t.db, 'notifications', sql`user_id = ${me.userId}`)).toBe(0);
    await run('2021-05-15');
    await run('2021-05-15');
    const notes = await rows<{ kind: string; userId: number }>(
      t.db,
      sql`SELECT kind, user_id AS "userId" FROM notifications WHERE user_id IN (${me.userId}, ${booker.userId}) ORDER BY id`,
    );
    expect(notes).toEqual([
      { kind: 'blood.slot_reminder', userId: booker.userId },
      { kind: 'blood.eligible_again', userId: me.userId },
    ]);
  });
});
