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
import { expectFieldRefusal, expectNotFound } from '../../../../test/helpers/refusals.ts';
import { countRows, createTestApp, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';

// Điện Biên, April 2021: bookings a week before the drive of 7/4.
let t: TestApp;
let w: Awaited<ReturnType<typeof buildDriveWorld>>;

beforeAll(async () => {
  t = await createTestApp('2021-03-31T02:00:00Z');
  w = await buildDriveWorld(t);
});
afterAll(() => t.app.close());

async function openDrive(over: Record<string, unknown> = {}) {
  const res = await w.organiser.post('/api/blood/drives', driveBody(w.union.id, over));
  expect(res.statusCode, res.body).toBe(201);
  const d = res.json();
  const opened = await w.organiser.request({
    method: 'PUT',
    url: `/api/blood/drives/${d.id}`,
    json: { ...driveBody(w.union.id, over), organiserOrgId: undefined, version: d.version, status: 'open' },
  });
  expect(opened.statusCode, opened.body).toBe(200);
  return opened.json();
}

describe('drives: planning, slots, scope', () => {
  it('generates slots from the hours (07:00–09:00, 30 min, 2 places) and names the establishment', async () => {
    const res = await w.organiser.post(
      '/api/blood/drives',
      driveBody(w.union.id, { establishmentOrgId: w.establishment.id }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d.status).toBe('planned');
    expect(d.establishment).toEqual({ id: w.establishment.id, name: w.establishment.name });
    expect(d.slots.map((s: { startsAt: string }) => s.startsAt.slice(11, 16))).toEqual([
      '07:00',
      '07:30',
      '08:00',
      '08:30',
    ]);
    expect(d.capacity).toBe(8);
    expect(d.can).toEqual({ manage: true, desk: false, health: false });
    const list = await w.organiser.get('/api/blood/drives');
    expect(list.json().map((x: { id: number }) => x.id)).toContain(d.id);
  });

  it('offers the receiving establishment from another tree by part of its name, names only', async () => {
    // The hospital is no organisation of the union's tree: the organiser's own organisation search misses it.
    const own = (await w.organiser.get('/api/orgs?q=benh%20vien%20da%20khoa')).json();
    expect(own.items.map((o: { id: number }) => o.id)).not.toContain(w.establishment.id);
    const found = await w.organiser.get('/api/blood/establishments?q=benh%20vien%20da%20khoa');
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toEqual([{ id: w.establishment.id, name: w.establishment.name, parentName: null }]);
    // A union is no establishment; nor is anything for a caller who organises no drive.
    expect((await w.organiser.get('/api/blood/establishments?q=cong%20doan')).json()).toEqual([]);
    const u = await buildUser(t.db);
    const plain = await signIn(t, u.username, u.password);
    expect((await plain.get('/api/blood/establishments?q=benh')).statusCode).toBe(403);
  });

  it('another organiser’s drive does not exist for them; ids out of scope in a body are refused by field', async () => {
    const d = await openDrive();
    expectNotFound(await w.stranger.get(`/api/blood/drives/${d.id}`), [d.title]);
    expectNotFound(await w.stranger.get(`/api/blood/drives/${d.id}/funnel`), [d.title]);
    expect((await w.stranger.get('/api/blood/drives')).json()).toEqual([]);
    const res = await w.stranger.post('/api/blood/drives', driveBody(w.union.id));
    expectFieldRefusal(res, 'body.organiserOrgId', []);
    const outsider = await buildPerson(t.db, w.other, { fullName: 'Nguyễn Thị Ngoài' });
    const booking = await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, {
      personId: outsider,
      slotId: d.slots[0].id,
    });
    expectFieldRefusal(booking, 'body.personId', ['Nguyễn Thị Ngoài']);
    const other = await openDrive({ title: 'Điểm khác' });
    const person = await buildPerson(t.db, w.union);
    const wrongSlot = await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, {
      personId: person,
      slotId: other.slots[0].id,
    });
    expectFieldRefusal(wrongSlot, 'body.slotId', []);
  });

  it('refuses closing before opening, and reshaping the hours once donors booked', async () => {
    const bad = await w.organiser.post('/api/blood/drives', driveBody(w.union.id, { closesAt: '06:00' }));
    expectFieldRefusal(bad, 'body.closesAt', []);
    const d = await openDrive();
    const p = await buildPerson(t.db, w.union);
    await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, { personId: p, slotId: d.slots[0].id });
    const res = await w.organiser.request({
      method: 'PUT',
      url: `/api/blood/drives/${d.id}`,
      json: { ...driveBody(w.union.id), organiserOrgId: undefined, version: d.version, closesAt: '10:00' },
    });
    expect(res.json().error.code).toBe('drives.hours_locked');
    const slot = await w.organiser.request({
      method: 'PUT',
      url: `/api/blood/drives/${d.id}/slots/${d.slots[0].id}`,
      json: { capacity: 5 },
    });
    expect(slot.json().slots[0].capacity).toBe(5);
  });
});

describe('bookings: no overbooking, one live booking, waitlist, eligibility', () => {
  it('books until the slot is full, refuses a second live booking, offers a freed place to the first waiter', async () => {
    const d = await openDrive();
    const slot = d.slots[0];
    const [a, b, c] = [
      await buildPerson(t.db, w.union),
      await buildPerson(t.db, w.union),
      await buildPerson(t.db, w.union),
    ];
    const first = await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, {
      personId: a,
      slotId: slot.id,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().invitationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, {
      personId: a,
      slotId: d.slots[1].id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('drives.already_booked');
    expect(
      (await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, { personId: b, slotId: slot.id }))
        .statusCode,
    ).toBe(201);
    const full = await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, {
      personId: c,
      slotId: slot.id,
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('drives.slot_full');
    expect(full.json().error.details.waitlist).toBe(true);
    // The waiter has a sign-in: the freed place is offered to them as a notice.
    const donor = await donorSession(t, c);
    const wait = await w.organiser.post(`/api/blood/drives/${d.id}/waitlist`, { personId: c });
    expect(wait.statusCode, wait.body).toBe(201);
    expect(wait.json().position).toBe(1);
    const cancelled = await w.organiser.post(
      `/api/blood/drives/${d.id}/bookings/${first.json().booking.id}/cancel`,
    );
    expect(cancelled.json().status).toBe('cancelled');
    const notes = await countRows(
      t.db,
      'notifications',
      sql`user_id = ${donor.userId} AND kind = 'blood.waitlist_offer'`,
    );
    expect(notes).toBe(1);
    const detail = (await w.organiser.get(`/api/blood/drives/${d.id}`)).json();
    expect(detail.slots[0].booked).toBe(1);
    // The person whose booking was cancelled may book again (the unique index holds live bookings only).
    expect(
      (await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, { personId: a, slotId: slot.id }))
        .statusCode,
    ).toBe(201);
  });

  it('writes the booking with its audit entry, keeps the donor for purpose blood, takes them off the waitlist; a refused booking writes nothing', async () => {
    const d = await openDrive();
    const slot = d.slots[1];
    const [waiter, second, third] = [
      await buildPerson(t.db, w.union),
      await buildPerson(t.db, w.union),
      await buildPerson(t.db, w.union),
    ];
    expect(
      (await w.organiser.post(`/api/blood/drives/${d.id}/waitlist`, { personId: waiter })).statusCode,
    ).toBe(201);
    const made = await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, {
      personId: waiter,
      slotId: slot.id,
    });
    expect(made.statusCode, made.body).toBe(201);
    const booking = made.json().booking;
    expect(booking).toMatchObject({
      driveId: d.id,
      slotId: slot.id,
      slotStartsAt: slot.startsAt,
      personId: waiter,
      channel: 'staff',
      status: 'booked',
      hasQuestionnaire: false,
    });
    const entries = await rows<{ action: string; orgId: number; after: unknown }>(
      t.db,
      sql`SELECT action, org_id AS "orgId", after FROM audit_log
          WHERE entity_type = 'drive_booking' AND entity_id = ${String(booking.id)}`,
    );
    expect(entries).toEqual([
      {
        action: 'blood.booking.staff',
        orgId: w.union.id,
        after: { driveId: d.id, slotId: slot.id, personId: waiter, channel: 'staff' },
      },
    ]);
    const kept = (personId: number) =>
      countRows(
        t.db,
        'person_links',
        sql`person_id = ${personId} AND org_id = ${w.union.id} AND purpose = 'blood' AND until IS NULL`,
      );
    expect(await kept(waiter)).toBe(1);
    expect(
      await countRows(
        t.db,
        'drive_waitlist',
        sql`drive_id = ${d.id} AND person_id = ${waiter} AND status = 'booked'`,
      ),
    ).toBe(1);
    expect(
      (await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, { personId: second, slotId: slot.id }))
        .statusCode,
    ).toBe(201);
    const audited = await countRows(t.db, 'audit_log', sql`entity_type = 'drive_booking'`);
    const full = await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, {
      personId: third,
      slotId: slot.id,
    });
    expect(full.json().error.code).toBe('drives.slot_full');
    expect(await countRows(t.db, 'audit_log', sql`entity_type = 'drive_booking'`)).toBe(audited);
    expect(await kept(third)).toBe(0);
    expect(await countRows(t.db, 'drive_bookings', sql`person_id = ${third}`)).toBe(0);
    expect((await w.organiser.get(`/api/blood/drives/${d.id}`)).json().slots[1].booked).toBe(2);
  });

  it('refuses a booking within 12 weeks of a February whole-blood donation, in the donor’s words', async () => {
    const d = await openDrive();
    const p = await buildPerson(t.db, w.union);
    await buildDonation(t.db, w.union, p, '2021-02-20');
    const res = await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, {
      personId: p,
      slotId: d.slots[0].id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('drives.not_eligible');
    expect(res.json().error.details.reasons[0]).toBe(
      'Bạn có thể hiến lại từ 15/05/2021 — 12 tuần sau lần hiến máu toàn phần ngày 20/02/2021',
    );
    expect((await w.organiser.get(`/api/blood/drives/${d.id}`)).json().slots[0].booked).toBe(0);
  });

  it('a cancellation less than 24 hours before the slot is late', async () => {
    const d = await openDrive({ driveDate: '2021-04-01', opensAt: '08:00', closesAt: '09:00' });
    const p = await buildPerson(t.db, w.union);
    const made = (
      await w.organiser.post(`/api/blood/drives/${d.id}/bookings`, { personId: p, slotId: d.slots[0].id })
    ).json();
    const res = await w.organiser.post(`/api/blood/drives/${d.id}/bookings/${made.booking.id}/cancel`);
    expect(res.json().status).toBe('late_cancelled');
  });
});
