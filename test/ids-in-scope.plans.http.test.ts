import { beforeAll, describe, expect, it } from 'vitest';
import { buildOrg } from './helpers/factories.ts';
import { multipart } from './helpers/multipart.ts';
import { expectFieldRefusal, expectNotFound } from './helpers/refusals.ts';
import { buildSeed001World, type Seed001World, seed001PlanBody } from './helpers/seed-001.ts';
import { createTestApp, loginAs, type Session, type TestApp } from './helpers/test-app.ts';

type Plan = { id: number; version: number; indicators: { id: number; code: string }[] };
/**
 * Issue 9: every id of a plan, a report, an activity, an attachment or an organisation in a plans request
 * resolves through the caller's scope (and the plan the path names) first: outside it, "not found".
 */
describe('ids in plans requests go through the caller’s scope', () => {
  let t: TestApp;
  let o: Seed001World['o'];
  let s: Seed001World['s'];
  let plan: Plan;
  let other: Plan;
  let bnUnion: { id: number; name: string };
  let bnClerk: Session;
  let national: Session;
  let otherReportId: number;
  let planReportId: number;
  let otherActivityId: number;
  let otherAttachmentId: number;
  const secret = ['Bắc Ninh', 'Quế Võ', '12/HD-LĐLĐ', 'Bí mật'];

  const issue = async (who: Session, body: object) => {
    const created = (await who.post('/api/plans', body)).json();
    const issued = await who.post(`/api/plans/${created.id}/issue`, { version: created.version });
    expect(issued.statusCode, issued.body).toBe(200);
    return created as Plan;
  };
  const values = (p: Plan) => [
    { indicatorId: p.indicators.find((i) => i.code === 'HD')!.id, value: 1 },
    { indicatorId: p.indicators.find((i) => i.code === 'TL_HM')!.id, value: 30, denominator: 100 },
    { indicatorId: p.indicators.find((i) => i.code === 'DV_MAU')!.id, value: 20 },
  ];

  beforeAll(async () => {
    t = await createTestApp('2021-03-22T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    ({ o, s } = await buildSeed001World(t));
    national = await loginAs(t, o.national, 'org_admin');
    plan = await issue(s.federation, seed001PlanBody(o));
    bnUnion = await buildOrg(t.db, { parent: o.bacNinh, name: 'Công đoàn KCN Quế Võ' });
    bnClerk = await loginAs(t, bnUnion as never, 'data_entry');
    other = await issue(s.bacNinh, {
      ...seed001PlanBody(o, '12/HD-LĐLĐ'),
      title: 'Bí mật của Bắc Ninh',
      issuerOrgId: o.bacNinh.id,
      reporterOrgIds: [bnUnion.id],
      copyOrgIds: [],
      activities: [{ type: 'other', title: 'Hoạt động Bí mật Bắc Ninh' }],
    });
    const otherDetail = (await s.bacNinh.get(`/api/plans/${other.id}`)).json();
    otherActivityId = otherDetail.activities[0].id;
    const up = await s.bacNinh.request({
      method: 'POST',
      url: `/api/plans/${other.id}/attachments`,
      ...multipart([
        { name: 'file', filename: 'Bí mật Bắc Ninh.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') },
      ]),
    });
    expect(up.statusCode, up.body).toBe(201);
    otherAttachmentId = up.json().id;
    t.clock.set('2021-04-20T03:00:00Z');
    const sub = (who: Session, p: Plan, orgId: number) =>
      who.post(`/api/plans/${p.id}/reports`, {
        orgId,
        periodKey: 'once',
        version: 0,
        submit: true,
        values: values(p),
      });
    const mine = await sub(s.healthClerk, plan, o.cdcs1.id);
    expect(mine.statusCode, mine.body).toBe(200);
    planReportId = mine.json().id;
    const theirs = await sub(bnClerk, other, bnUnion.id);
    expect(theirs.statusCode, theirs.body).toBe(200);
    otherReportId = theirs.json().id;
  });

  it('refuses an issuer outside the caller’s scope on the field', async () => {
    const res = await s.federation.post('/api/plans', {
      ...seed001PlanBody(o, '99/HD'),
      issuerOrgId: o.bacNinh.id,
    });
    expectFieldRefusal(res, 'body.issuerOrgId', secret);
  });

  it('refuses a plan to implement the caller does not see', async () => {
    const res = await s.federation.post('/api/plans', {
      ...seed001PlanBody(o, '98/HD'),
      implementsPlanId: other.id,
    });
    expectFieldRefusal(res, 'body.implementsPlanId', secret);
  });

  it('refuses to implement a plan as an organisation outside the caller’s scope', async () => {
    const res = await s.federation.post(`/api/plans/${plan.id}/implement`, { issuerOrgId: o.bacNinh.id });
    expectFieldRefusal(res, 'body.issuerOrgId', secret);
    // The Red Cross is a copy recipient the federation cannot act for: not found either, not "forbidden".
    const rc = await s.federation.post(`/api/plans/${plan.id}/implement`, { issuerOrgId: o.redCross.id });
    expectFieldRefusal(rc, 'body.issuerOrgId', ['Hội Chữ thập đỏ']);
  });

  it('refuses targets on another plan’s indicator or on an organisation not on the plan', async () => {
    const dvMau = plan.indicators.find((i) => i.code === 'DV_MAU')!.id;
    const foreign = other.indicators.find((i) => i.code === 'DV_MAU')!.id;
    const wrongIndicator = await s.federation.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/targets`,
      json: { indicatorId: foreign, targets: [{ orgId: o.health.id, value: 10 }] },
    });
    expectFieldRefusal(wrongIndicator, 'body.indicatorId', secret);
    const mixed = await s.federation.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/targets`,
      json: {
        indicatorId: dvMau,
        targets: [
          { orgId: o.health.id, value: 10 },
          { orgId: bnUnion.id, value: 5 },
        ],
      },
    });
    expectFieldRefusal(mixed, 'body.targets.1.orgId', secret);
  });

  it('refuses an organisation outside the scope in every list’s orgId', async () => {
    for (const url of [
      `/api/plans/${plan.id}/dashboard?orgId=${bnUnion.id}`,
      `/api/plans/${plan.id}/dashboard/behind?orgId=${bnUnion.id}`,
      `/api/plans/${plan.id}/reports?orgId=${bnUnion.id}`,
      `/api/plans/${plan.id}/report-form?orgId=${bnUnion.id}&periodKey=once`,
      `/api/plans/${plan.id}/export.xlsx?orgId=${bnUnion.id}`,
      `/api/plans/${plan.id}/summary.pdf?orgId=${bnUnion.id}`,
      `/api/plans/${plan.id}/report-template.xlsx?orgId=${bnUnion.id}`,
    ]) {
      const res = await s.federation.get(url);
      expect(`${url} ${res.statusCode} ${res.body}`).toContain('"path":"querystring.orgId"');
      expectFieldRefusal(res, 'querystring.orgId', secret);
    }
    const targets = await s.federation.get(`/api/plans/${plan.id}/targets?parentOrgId=${bnUnion.id}`);
    expectFieldRefusal(targets, 'querystring.parentOrgId', secret);
  });

  it('refuses another plan’s indicator in a report, and a unit the clerk does not see', async () => {
    const foreign = other.indicators.find((i) => i.code === 'DV_MAU')!.id;
    const res = await s.healthClerk.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.cdcs2.id,
      periodKey: 'once',
      version: 0,
      values: [{ indicatorId: foreign, value: 3 }],
    });
    expect(res.statusCode, res.body).toBe(400);
    for (const x of secret) expect(res.body).not.toContain(x);
    expectFieldRefusal(
      await s.tuanGiaoClerk.post(`/api/plans/${plan.id}/reports`, {
        orgId: o.cdcs2.id,
        periodKey: 'once',
        version: 0,
        values: values(plan),
      }),
      'body.orgId',
      ['CĐCS Trung tâm'],
    );
  });

  it('refuses a plan the caller does not see in the review queue’s filter', async () => {
    const res = await s.federation.get(`/api/reports/review-queue?planId=${other.id}`);
    expectFieldRefusal(res, 'querystring.planId', secret);
  });

  it('refuses the whole bulk accept when one report is outside the caller’s scope, naming it', async () => {
    const res = await s.federation.post('/api/reports/review-queue/accept', {
      reports: [
        { planId: plan.id, reportId: planReportId, version: 1 },
        { planId: other.id, reportId: otherReportId, version: 1 },
      ],
    });
    expectFieldRefusal(res, 'body.reports.1.planId', secret);
    const mine = (await s.federation.get(`/api/plans/${plan.id}/reports/${planReportId}`)).json();
    expect(mine.status).toBe('submitted');
    // A report of another plan named under this plan is not found, whatever the caller sees.
    const crossed = await national.post('/api/reports/review-queue/accept', {
      reports: [{ planId: plan.id, reportId: otherReportId, version: 1 }],
    });
    expectFieldRefusal(crossed, 'body.reports.0.reportId', secret);
    expect((await s.bacNinh.get(`/api/plans/${other.id}/reports/${otherReportId}`)).json().status).toBe(
      'submitted',
    );
  });

  it('does not find a report, an activity or an attachment of another plan under this plan', async () => {
    for (const who of [s.federation, national]) {
      expectNotFound(await who.get(`/api/plans/${plan.id}/reports/${otherReportId}`), secret);
      expectNotFound(
        await who.post(`/api/plans/${plan.id}/reports/${otherReportId}/review`, {
          version: 1,
          decision: 'accept',
        }),
        secret,
      );
      expectNotFound(
        await who.request({
          method: 'PUT',
          url: `/api/plans/${plan.id}/activities/${otherActivityId}`,
          json: { version: 1, type: 'other', title: 'Đổi tên hoạt động' },
        }),
        secret,
      );
      expectNotFound(
        await who.request({
          method: 'PUT',
          url: `/api/plans/${plan.id}/activities/${otherActivityId}/actuals`,
          json: { version: 1, outputs: [{ metric: 'other', actual: 1 }] },
        }),
        secret,
      );
      expectNotFound(await who.get(`/api/plans/${plan.id}/attachments/${otherAttachmentId}`), secret);
      expectNotFound(await who.del(`/api/plans/${plan.id}/attachments/${otherAttachmentId}`), secret);
    }
    // And the other plan itself, from outside its scope.
    expectNotFound(await s.federation.get(`/api/plans/${other.id}/attachments/${otherAttachmentId}`), secret);
    expect((await s.bacNinh.get(`/api/plans/${other.id}`)).json().activities).toHaveLength(1);
  });
});
