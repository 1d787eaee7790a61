import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDriveWorld,
  buildPerson,
  donorSession,
  driveBody,
} from '../../../test/helpers/drives.fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/test-app.ts';

// 7/4/2021, 08:00 in Điện Biên.
let t: TestApp;
let w: Awaited<ReturnType<typeof buildDriveWorld>>;

type Block = {
  key: string;
  count: number;
  urgent: number | null;
  link: string;
  items: { title: string; link: string }[];
};
const blocks = async (who: Session) => ((await who.get('/api/home')).json() as { blocks: Block[] }).blocks;
const block = async (who: Session, key: string) => (await blocks(who)).find((b) => b.key === key);

beforeAll(async () => {
  t = await createTestApp('2021-04-07T01:00:00Z', { SESSION_TTL_HOURS: '1000' });
  w = await buildDriveWorld(t);
});
afterAll(() => t.app.close());

async function drive(title: string, driveDate: string) {
  const d = (await w.organiser.post('/api/blood/drives', driveBody(w.union.id, { title, driveDate }))).json();
  const opened = await w.organiser.request({
    method: 'PUT',
    url: `/api/blood/drives/${d.id}`,
    json: {
      ...driveBody(w.union.id, { title, driveDate }),
      organiserOrgId: undefined,
      version: d.version,
      status: 'open',
    },
  });
  expect(opened.statusCode, opened.body).toBe(200);
  return opened.json();
}

describe('the home page’s blood blocks', () => {
  it('shows the organiser and the desk the drives to run: today’s to its desk, a past one still open as urgent', async () => {
    expect(await block(w.organiser, 'blood.drives_to_run')).toBeUndefined();
    const today = await drive('Ngày hội hôm nay', '2021-04-07');
    const past = await drive('Ngày hội tuần trước', '2021-03-31');
    const soon = await drive('Ngày hội tuần sau', '2021-04-12');
    await drive('Ngày hội tháng sau', '2021-05-20');
    const b = await block(w.desk, 'blood.drives_to_run');
    expect(b).toMatchObject({ count: 3, urgent: 1, link: '/blood/drives' });
    expect(b!.items.map((i) => [i.title, i.link])).toEqual([
      ['Ngày hội tuần trước', `/blood/drives/${past.id}`],
      ['Ngày hội hôm nay', `/blood/drives/${today.id}/desk`],
      ['Ngày hội tuần sau', `/blood/drives/${soon.id}`],
    ]);
    // Another tree's organiser sees none of them.
    expect(await block(w.stranger, 'blood.drives_to_run')).toBeUndefined();
  });

  it('shows a donor the drive he booked, and nothing of the staff’s blocks', async () => {
    const p = await buildPerson(t.db, w.union, { fullName: 'Lò Văn Đặt' });
    const me = await donorSession(t, p);
    expect(await block(me, 'blood.my_donation')).toBeUndefined();
    const d = await drive('Ngày hội cuối tháng', '2021-04-28');
    const booked = await me.post('/api/me/blood/bookings', { driveId: d.id, slotId: d.slots[0].id });
    expect(booked.statusCode, booked.body).toBe(201);
    const mine = await blocks(me);
    expect(mine.map((b) => b.key)).toEqual(['blood.my_donation']);
    expect(mine[0]).toMatchObject({ count: 1, link: '/me/blood', items: [{ title: 'Ngày hội cuối tháng' }] });
  });
});
