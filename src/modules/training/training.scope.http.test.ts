import { beforeAll, describe, expect, it } from 'vitest';
import type { BuiltOrg } from '../../../test/helpers/factories.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../test/helpers/test-app.ts';
import { buildTrainingWorld, type TrainingWorld } from '../../../test/helpers/training.fixtures.ts';

/**
 * Naming an organisation by id: where the caller acts for an organisation of its own (a class's provider, a
 * trainer's organisation, a course's owner, a request's requester, a headcount, a compliance or reach page), an
 * organisation outside the caller's scope answers 400 on the field or 404 on the path — as GET /api/orgs/:id.
 * The two deliberate exceptions (a request's provider, a class's customer) are another tree by design; an id
 * that names nothing is still refused, and the other side is shown by its name only.
 */
describe('training: organisations named by id are read within the caller’s scope', () => {
  let t: TestApp;
  let o: TrainingWorld;
  let hsc: Session;
  let ent: Session;
  const course: Record<string, number> = {};
  const missing = 987_654;

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T02:00:00Z');
    o = await buildTrainingWorld(t.db);
    const as = (org: BuiltOrg, role: string) => loginAs(t, org, role);
    hsc = await as(o.hsc, 'org_admin');
    ent = await as(o.enterprise, 'data_entry');
    for (const c of (await hsc.get('/api/training/course-types')).json()) course[c.code] = c.id;
  });

  type Refusal = { error: { details: { issues: { path: string }[] } } };
  const fieldRefused = (res: { statusCode: number; json: () => unknown }, path: string) => {
    expect(res.statusCode).toBe(400);
    expect((res.json() as Refusal).error.details.issues.map((i) => i.path)).toContain(path);
  };

  it('refuses an out-of-scope organisation as the one the caller acts for (400 on the field)', async () => {
    const outside = o.otherRc.id;
    fieldRefused(
      await hsc.post('/api/training/classes', {
        providerOrgId: outside,
        courseTypeId: course.SCC_NLD,
        code: 'X-01',
        title: 'Lớp X',
        capacity: 10,
      }),
      'body.providerOrgId',
    );
    fieldRefused(
      await hsc.post('/api/training/trainers', { personId: 1, orgId: outside, qualification: 'first_aid' }),
      'body.orgId',
    );
    fieldRefused(
      await hsc.post('/api/training/course-types', {
        ownerOrgId: outside,
        code: 'X_SCOPE',
        nameVi: 'Khoá thử',
        nameEn: 'Test course',
        hours: 8,
        legalSource: 'Kế hoạch',
        effectiveFrom: '2026-01-01',
      }),
      'body.ownerOrgId',
    );
    fieldRefused(
      await ent.post('/api/training/requests', {
        requesterOrgId: outside,
        providerOrgId: o.hsc.id,
        courseTypeId: course.SCC_NLD,
        learners: 10,
      }),
      'body.requesterOrgId',
    );
    fieldRefused(
      await ent.post('/api/training/workforce', { orgId: outside, asOf: '2026-05-01', workers: 50 }),
      'body.orgId',
    );
  });

  it('answers 404 for an out-of-scope organisation in the path, and 400 for it as the trainers’ filter', async () => {
    for (const url of [
      `/api/training/compliance/${o.otherRc.id}`,
      `/api/training/reach/${o.otherRc.id}`,
      `/api/training/workforce/${o.otherRc.id}`,
    ]) {
      const res = await hsc.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('orgs.not_found');
    }
    expect((await ent.get(`/api/training/compliance/${o.hsc.id}`)).statusCode).toBe(404);
    fieldRefused(await hsc.get(`/api/training/trainers?orgId=${o.otherRc.id}`), 'querystring.orgId');
  });

  it('takes a provider or a customer from another tree by design, refusing ids that name nothing', async () => {
    fieldRefused(
      await ent.post('/api/training/requests', {
        requesterOrgId: o.enterprise.id,
        providerOrgId: missing,
        courseTypeId: course.SCC_NLD,
        learners: 10,
      }),
      'body.providerOrgId',
    );
    const req = await ent.post('/api/training/requests', {
      requesterOrgId: o.enterprise.id,
      providerOrgId: o.hsc.id,
      courseTypeId: course.SCC_NLD,
      learners: 10,
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json().providerName).toBe('Trung tâm Dịch vụ Nhân đạo');
    expect(req.json()).not.toHaveProperty('providerPath');

    const klass = (customerOrgId: number, code: string) =>
      hsc.post('/api/training/classes', {
        providerOrgId: o.hsc.id,
        courseTypeId: course.SCC_NLD,
        code,
        title: `Lớp ${code}`,
        capacity: 10,
        customerOrgId,
      });
    fieldRefused(await klass(missing, 'SC-01'), 'body.customerOrgId');
    const made = await klass(o.enterprise.id, 'SC-02');
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().customerName).toBe('Công ty TNHH Điện tử KCN Quế Võ');
    expect(made.json()).not.toHaveProperty('customerPath');
  });
});
