import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeed001World, type Seed001World, seed001PlanBody } from '../../../test/helpers/seed-001.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../test/helpers/test-app.ts';
import { buildTrainingWorld, type TrainingWorld } from '../../../test/helpers/training.fixtures.ts';
import { rows } from '../../platform/db/database.ts';

type Block = { key: string; count: number; urgent: number | null; items: { title: string; link: string }[] };
const home = async (who: Session) => {
  const res = await who.get('/api/home');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { blocks: Block[] }).blocks;
};
const block = (blocks: Block[], key: string) => blocks.find((b) => b.key === key);
const notices = async (who: Session) =>
  (await who.get('/api/notifications')).json().items as { kind: string }[];

/** Each role's home page shows what it must act on; the centre and the enterprise's HR are told of new work. */
describe('the home page by role, and training notices', () => {
  let t: TestApp;
  let w: TrainingWorld;
  let o: Seed001World['o'];
  let s: Seed001World['s'];
  let centre: Session;
  let hr: Session;

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    w = await buildTrainingWorld(t.db);
    ({ o, s } = await buildSeed001World(t));
    centre = await loginAs(t, w.hsc, 'training_manager');
    hr = await loginAs(t, w.enterprise, 'data_entry');
  });

  it('tells the centre of a new request and HR when its class is scheduled', async () => {
    const courses = (await centre.get('/api/training/course-types')).json() as { id: number; code: string }[];
    const req = await hr.post('/api/training/requests', {
      requesterOrgId: w.enterprise.id,
      providerOrgId: w.hsc.id,
      courseTypeId: courses.find((c) => c.code === 'SCC_NLD')!.id,
      learners: 30,
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(await notices(centre)).toEqual([
      expect.objectContaining({
        kind: 'training_request_received',
        link: `/training/requests/${req.json().id}`,
      }),
    ]);
    const pending = block(await home(centre), 'training.requests_pending');
    expect(pending).toMatchObject({ count: 1, items: [{ title: w.enterprise.name }] });

    const done = await centre.post(`/api/training/requests/${req.json().id}/schedule`, {
      version: 1,
      codePrefix: 'SCC-QV',
    });
    expect(done.statusCode, done.body).toBe(200);
    const classId = done.json().classIds[0] as number;
    const sessions = [{ startsAt: '2026-05-06T01:00:00Z', endsAt: '2026-05-06T05:00:00Z', hours: 4 }];
    const set = await centre.request({
      method: 'PUT',
      url: `/api/training/classes/${classId}/sessions`,
      json: { sessions },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(await notices(hr)).toEqual([
      expect.objectContaining({ kind: 'training_class_scheduled', link: `/training/classes/${classId}` }),
    ]);
    for (const who of [centre, hr])
      expect(block(await home(who), 'training.classes_this_week')).toMatchObject({ count: 1 });
  });

  it('shows HR and the centre the certificates expiring within 90 days, 60 of them urgent', async () => {
    const [person] = await rows<{ id: number }>(
      t.db,
      sql`INSERT INTO people (full_name, org_id, org_path, employer_org_id)
          VALUES ('Nguyễn Văn Hết Hạn', ${w.hsc.id}, ${w.hsc.path}::ltree, ${w.enterprise.id}) RETURNING id`,
    );
    const [course] = await rows<{ id: number }>(
      t.db,
      sql`SELECT id FROM course_types WHERE code = 'SCC_NLD'`,
    );
    for (const [seq, until] of [
      [1, '2026-06-20'],
      [2, '2026-07-20'],
      [3, '2026-12-31'],
    ] as const)
      await t.db.execute(sql`INSERT INTO certificates (issuer_org_id, issuer_path, year, seq, number, person_id,
          course_type_id, issued_on, valid_until, verify_code)
        VALUES (${w.hsc.id}, ${w.hsc.path}::ltree, 2024, ${seq}, ${`00000${seq}/2024/GCN`}, ${person!.id},
          ${course!.id}, '2024-06-20', ${until}, ${`code${seq}`})`);
    for (const who of [hr, centre])
      expect(block(await home(who), 'training.certificates_expiring')).toMatchObject({ count: 2, urgent: 1 });
  });

  it('gives each role only its own blocks', async () => {
    const keys = async (who: Session) => (await home(who)).map((b) => b.key);
    expect(await keys(hr)).toEqual(['training.classes_this_week', 'training.certificates_expiring']);
    expect(await keys(centre)).toEqual([
      'training.requests_pending',
      'training.classes_this_week',
      'training.certificates_expiring',
    ]);
    // A union's clerk in no plan and who never asked for training has nothing to act on yet.
    expect(await keys(s.healthClerk)).toEqual([]);
  });

  it('counts the reports to review and the reports due', async () => {
    t.clock.set('2021-03-22T03:00:00Z');
    const created = (await s.federation.post('/api/plans', seed001PlanBody(o))).json();
    await s.federation.post(`/api/plans/${created.id}/issue`, { version: created.version });
    t.clock.set('2021-04-10T03:00:00Z');
    expect((await home(s.tuanGiaoClerk)).map((b) => b.key)).toEqual(['plans.reports_due']);
    expect((await home(s.federation)).map((b) => b.key)).toEqual(['plans.reports_to_review']);
    const before = block(await home(s.tuanGiaoClerk), 'plans.reports_due');
    expect(before?.count).toBeGreaterThan(0);
    const ind = (code: string) => created.indicators.find((i: { code: string }) => i.code === code).id;
    const sent = await s.tuanGiaoClerk.post(`/api/plans/${created.id}/reports`, {
      orgId: o.tuanGiao.id,
      periodKey: 'once',
      version: 0,
      submit: true,
      values: [
        { indicatorId: ind('HD'), value: 1 },
        { indicatorId: ind('TL_HM'), value: 30, denominator: 100 },
        { indicatorId: ind('DV_MAU'), value: 20 },
      ],
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(block(await home(s.tuanGiaoClerk), 'plans.reports_due')?.count).toBe(before!.count - 1);
    expect(block(await home(s.federation), 'plans.reports_to_review')).toMatchObject({
      count: 1,
      items: [
        {
          title: '45/HD-LĐLĐ — Công đoàn xã Tuần Giáo',
          link: `/plans/${created.id}?tab=reports&period=once`,
        },
      ],
    });
  });
});
