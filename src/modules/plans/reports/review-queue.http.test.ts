import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOrg } from '../../../../test/helpers/factories.ts';
import { buildSeed001World, type Seed001World, seed001PlanBody } from '../../../../test/helpers/seed-001.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';

type Plan = { id: number; version: number; indicators: { id: number; code: string }[] };
type QueueItem = { reportId: number; planId: number; orgName: string; periodKey: string; version: number };

/** The reviewer's side of seed 001: told of each submission, a queue across plans, several accepted at once. */
describe('the reviewer’s queue across plans', () => {
  let t: TestApp;
  let o: Seed001World['o'];
  let s: Seed001World['s'];
  let plan: Plan;
  let other: Plan;
  let bnClerk: Session;

  const values = (p: Plan) => [
    { indicatorId: p.indicators.find((i) => i.code === 'HD')!.id, value: 1 },
    { indicatorId: p.indicators.find((i) => i.code === 'TL_HM')!.id, value: 30, denominator: 100 },
    { indicatorId: p.indicators.find((i) => i.code === 'DV_MAU')!.id, value: 20 },
  ];
  const submit = (who: Session, p: Plan, orgId: number, submit = true) =>
    who.post(`/api/plans/${p.id}/reports`, {
      orgId,
      periodKey: 'once',
      version: 0,
      submit,
      values: values(p),
    });
  const queue = async (who: Session, query = '') => {
    const res = await who.get(`/api/reports/review-queue${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: QueueItem[]; total: number; groups: { planId: number; count: number }[] };
  };
  const issue = async (who: Session, body: object) => {
    const created = (await who.post('/api/plans', body)).json();
    expect((await who.post(`/api/plans/${created.id}/issue`, { version: created.version })).statusCode).toBe(
      200,
    );
    return created as Plan;
  };

  beforeAll(async () => {
    t = await createTestApp('2021-03-22T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    ({ o, s } = await buildSeed001World(t));
    plan = await issue(s.federation, seed001PlanBody(o));
    // Another province's federation issues its own guidance to one of its unions.
    const bnUnion = await buildOrg(t.db, { parent: o.bacNinh, name: 'Công đoàn KCN Quế Võ' });
    bnClerk = await loginAs(t, bnUnion, 'data_entry');
    other = await issue(s.bacNinh, {
      ...seed001PlanBody(o, '12/HD-LĐLĐ'),
      issuerOrgId: o.bacNinh.id,
      reporterOrgIds: [bnUnion.id],
      copyOrgIds: [],
    });
    t.clock.set('2021-04-20T03:00:00Z');
    expect((await submit(s.healthClerk, plan, o.cdcs1.id)).statusCode).toBe(200);
    expect((await submit(s.healthClerk, plan, o.cdcs2.id)).statusCode).toBe(200);
    expect((await submit(s.tuanGiaoClerk, plan, o.tuanGiao.id, false)).statusCode).toBe(200);
    expect((await submit(bnClerk, other, bnUnion.id)).statusCode).toBe(200);
  });

  it('tells the issuer’s reviewers of a submission, and nobody else', async () => {
    const notices = (await s.federation.get('/api/notifications')).json().items;
    const submitted = notices.filter((n: { kind: string }) => n.kind === 'report_submitted');
    expect(submitted).toHaveLength(2);
    expect(submitted[0]).toMatchObject({
      title: expect.stringContaining('45/HD-LĐLĐ'),
      link: `/plans/${plan.id}?tab=reports&period=once`,
    });
    expect(submitted.map((n: { body: string }) => n.body).join(' ')).toContain('CĐCS Bệnh viện Đa khoa tỉnh');
    const bacNinh = (await s.bacNinh.get('/api/notifications')).json().items;
    expect(bacNinh.map((n: { title: string }) => n.title)).toEqual([expect.stringContaining('12/HD-LĐLĐ')]);
    expect((await s.healthClerk.get('/api/notifications')).json().items).toEqual([]);
  });

  it('lists what waits for the caller’s review across its plans, and nothing of others', async () => {
    const mine = await queue(s.federation);
    expect(mine.total).toBe(2);
    expect(mine.items.map((i) => [i.planId, i.orgName])).toEqual([
      [plan.id, 'CĐCS Bệnh viện Đa khoa tỉnh'],
      [plan.id, 'CĐCS Trung tâm Kiểm soát bệnh tật'],
    ]);
    expect(mine.groups).toEqual([{ planId: plan.id, planNumber: '45/HD-LĐLĐ', periodKey: 'once', count: 2 }]);
    expect((await queue(s.federation, '?pageSize=1&page=2')).items.map((i) => i.orgName)).toEqual([
      'CĐCS Trung tâm Kiểm soát bệnh tật',
    ]);
    // A plan the caller does not see is not found, on the filter's field.
    const otherPlan = await s.federation.get(`/api/reports/review-queue?planId=${other.id}`);
    expect(otherPlan.statusCode).toBe(400);
    expect(otherPlan.json().error.details.issues[0].path).toBe('querystring.planId');
    const theirs = await queue(s.bacNinh);
    expect(theirs.items.map((i) => i.planId)).toEqual([other.id]);
    expect((await queue(s.healthClerk)).total).toBe(0);
    expect((await queue(s.redCross)).total).toBe(0);
  });

  it('opens the plan on the period with a report waiting', async () => {
    expect((await s.federation.get(`/api/plans/${plan.id}`)).json().activePeriodKey).toBe('once');
  });

  it('accepts several reports at once, or none when one is out of reach or not submitted', async () => {
    const mine = (await queue(s.federation)).items;
    const batch = mine.map((i) => ({ planId: i.planId, reportId: i.reportId, version: i.version }));
    const theirs = (await queue(s.bacNinh)).items[0]!;
    const outOfScope = await s.federation.post('/api/reports/review-queue/accept', {
      reports: [...batch, { planId: theirs.planId, reportId: theirs.reportId, version: theirs.version }],
    });
    expect(outOfScope.statusCode).toBe(400);
    expect(outOfScope.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      `body.reports.${batch.length}.planId`,
    ]);
    const [draft] = await rows<{ id: number; version: number }>(
      t.db,
      sql`SELECT id, version FROM plan_reports WHERE status = 'draft'`,
    );
    const notSubmitted = await s.federation.post('/api/reports/review-queue/accept', {
      reports: [...batch, { planId: plan.id, reportId: draft!.id, version: draft!.version }],
    });
    expect(notSubmitted.statusCode).toBe(409);
    expect((await queue(s.federation)).total).toBe(2);
    expect(
      (await s.healthClerk.post('/api/reports/review-queue/accept', { reports: batch })).statusCode,
    ).toBe(403);

    const ok = await s.federation.post('/api/reports/review-queue/accept', { reports: batch });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ accepted: 2 });
    expect((await queue(s.federation)).total).toBe(0);
    const audit = await rows<{ entityId: number }>(
      t.db,
      sql`SELECT entity_id::int AS "entityId" FROM audit_log WHERE action = 'accept' ORDER BY entity_id`,
    );
    expect(audit.map((a) => a.entityId)).toEqual(batch.map((b) => b.reportId).sort((a, b) => a - b));
    expect((await queue(s.bacNinh)).total).toBe(1);
  });
});
