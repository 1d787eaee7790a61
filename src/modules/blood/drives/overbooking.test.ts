import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDriveWorld, driveBody } from '../../../../test/helpers/drives.fixtures.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';
import { buildApp } from '../../../platform/http/app.ts';
import { modules } from '../../index.ts';

// Two app instances on one database (two servers behind a load balancer): 200 donors book one slot of 20 places
// at the same moment. The guarded counter lets exactly 20 in; the others are told the slot is full.
let t: TestApp;
let second: Awaited<ReturnType<typeof buildApp>>;
let w: Awaited<ReturnType<typeof buildDriveWorld>>;

beforeAll(async () => {
  t = await createTestApp('2021-03-31T02:00:00Z');
  second = await buildApp({ database: t.database, db: t.db, clock: t.clock, config: t.config }, modules);
  await second.ready();
  w = await buildDriveWorld(t);
});
afterAll(async () => {
  await second.close();
  await t.app.close();
});

describe('no slot is ever overbooked', () => {
  it('200 concurrent bookings on a slot of 20 from two app instances: exactly 20 booked, 180 refused 409', async () => {
    const created = (
      await w.organiser.post('/api/blood/drives', driveBody(w.union.id, { capacityPerSlot: 20 }))
    ).json();
    const d = (
      await w.organiser.request({
        method: 'PUT',
        url: `/api/blood/drives/${created.id}`,
        json: {
          ...driveBody(w.union.id, { capacityPerSlot: 20 }),
          organiserOrgId: undefined,
          version: 1,
          status: 'open',
        },
      })
    ).json();
    const people = await rows<{ id: number }>(
      t.db,
      sql`INSERT INTO people (full_name, birth_date, sex, org_id, org_path)
          SELECT 'Người hiến ' || n, '1990-01-01', 'female', ${w.union.id}, ${w.union.path}::ltree
          FROM generate_series(1, 200) n RETURNING id`,
    );
    const slotId = d.slots[0].id;
    const results = await Promise.all(
      people.map((p, i) =>
        (i % 2 === 0 ? t.app : second).inject({
          method: 'POST',
          url: `/api/blood/drives/${d.id}/bookings`,
          payload: { personId: p.id, slotId },
          cookies: { ct_session: w.organiser.cookie },
          headers: { 'x-csrf-token': w.organiser.csrf },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect(codes.filter((c) => c === 409)).toHaveLength(180);
    expect(new Set(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.code))).toEqual(
      new Set(['drives.slot_full']),
    );
    const [slot] = await rows<{ booked: number; live: number }>(
      t.db,
      sql`SELECT s.booked, (SELECT count(*)::int FROM drive_bookings b WHERE b.slot_id = s.id
            AND b.status NOT IN ('cancelled', 'late_cancelled')) AS live FROM drive_slots s WHERE s.id = ${slotId}`,
    );
    expect(slot).toEqual({ booked: 20, live: 20 });
  });

  it('one donor booked ten times at once (two instances, different slots): one booking, nine told they have one', async () => {
    const created = (
      await w.organiser.post('/api/blood/drives', driveBody(w.union.id, { closesAt: '12:00' }))
    ).json();
    await w.organiser.request({
      method: 'PUT',
      url: `/api/blood/drives/${created.id}`,
      json: {
        ...driveBody(w.union.id, { closesAt: '12:00' }),
        organiserOrgId: undefined,
        version: 1,
        status: 'open',
      },
    });
    const [p] = await rows<{ id: number }>(
      t.db,
      sql`INSERT INTO people (full_name, birth_date, sex, org_id, org_path)
          VALUES ('Lò Thị Một', '1991-01-01', 'female', ${w.union.id}, ${w.union.path}::ltree) RETURNING id`,
    );
    const results = await Promise.all(
      created.slots.slice(0, 10).map((slot: { id: number }, i: number) =>
        (i % 2 === 0 ? t.app : second).inject({
          method: 'POST',
          url: `/api/blood/drives/${created.id}/bookings`,
          payload: { personId: p!.id, slotId: slot.id },
          cookies: { ct_session: w.organiser.cookie },
          headers: { 'x-csrf-token': w.organiser.csrf },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(
      Array(9).fill('drives.already_booked'),
    );
    const [sum] = await rows<{ booked: number }>(
      t.db,
      sql`SELECT sum(booked)::int AS booked FROM drive_slots WHERE drive_id = ${created.id}`,
    );
    expect(sum!.booked).toBe(1);
  });
});
