import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';

/** The requester edits or withdraws its training request until the provider schedules it; duplicates warn. */
describe('training requests: edit, withdraw, duplicate warning', () => {
  let t: TestApp;
  let o: Record<'redCross' | 'hsc' | 'enterprise' | 'otherEnterprise', BuiltOrg>;
  let hsc: Session;
  let ent: Session;
  let other: Session;
  const course: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    const redCross = await buildOrg(t.db, { name: 'Trung ương Hội Chữ thập đỏ Việt Nam', kind: 'red_cross' });
    o = {
      redCross,
      hsc: await buildOrg(t.db, {
        parent: redCross,
        name: 'Trung tâm Dịch vụ Nhân đạo',
        kind: 'service_centre',
      }),
      enterprise: await buildOrg(t.db, { name: 'Công ty TNHH Điện tử KCN Quế Võ', kind: 'enterprise' }),
      otherEnterprise: await buildOrg(t.db, { name: 'Công ty CP May Yên Phong', kind: 'enterprise' }),
    };
    const as = (org: BuiltOrg, role: string) => loginAs(t, org, role);
    hsc = await as(o.hsc, 'org_admin');
    ent = await as(o.enterprise, 'data_entry');
    other = await as(o.otherEnterprise, 'data_entry');
    for (const c of (await hsc.get('/api/training/course-types')).json()) course[c.code] = c.id;
  });

  const ask = (extra: object = {}, s: Session = ent, requester: BuiltOrg = o.enterprise) =>
    s.post('/api/training/requests', {
      requesterOrgId: requester.id,
      providerOrgId: o.hsc.id,
      courseTypeId: course.SCC_NLD,
      learners: 40,
      preferredFrom: '2026-06-01',
      preferredTo: '2026-06-30',
      ...extra,
    });
  const auditActions = async (id: number) =>
    (
      await rows<{ action: string }>(
        t.db,
        sql`SELECT action FROM audit_log WHERE entity_type = 'training_request' AND entity_id = ${String(id)}
            ORDER BY id`,
      )
    ).map((r) => r.action);

  it('lets the requester edit its request before scheduling, refusing a stale version', async () => {
    const r = (await ask({ courseTypeId: course.ATVSLD_N1 })).json();
    expect(r.can).toMatchObject({ change: true, decide: false });
    const edited = await ent.patch(`/api/training/requests/${r.id}`, {
      version: r.version,
      learners: 45,
      place: 'Nhà ăn ca',
      preferredFrom: '2026-06-05',
      preferredTo: '2026-07-10',
      notes: 'Thêm 5 người ca đêm',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      learners: 45,
      place: 'Nhà ăn ca',
      preferredTo: '2026-07-10',
      notes: 'Thêm 5 người ca đêm',
      version: r.version + 1,
    });
    const stale = await ent.patch(`/api/training/requests/${r.id}`, { version: r.version, learners: 50 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('training.request_version_conflict');
    const backwards = await ent.patch(`/api/training/requests/${r.id}`, {
      version: r.version + 1,
      preferredFrom: '2026-08-01',
      preferredTo: '2026-07-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(await auditActions(r.id)).toEqual(['training.request.create', 'training.request.update']);
  });

  it('refuses edits and withdrawal once the provider has scheduled the request', async () => {
    const r = (await ask({ courseTypeId: course.ATVSLD_N2, learners: 20 })).json();
    const scheduled = await hsc.post(`/api/training/requests/${r.id}/schedule`, {
      version: r.version,
      codePrefix: 'N2',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json().can.change).toBe(false);
    const v = scheduled.json().version;
    const edit = await ent.patch(`/api/training/requests/${r.id}`, { version: v, learners: 25 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({
      code: 'training.request_closed',
      details: { status: 'scheduled' },
    });
    const withdraw = await ent.post(`/api/training/requests/${r.id}/withdraw`, { version: v });
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().error.code).toBe('training.request_closed');
  });

  it('withdraws a request: the provider sees it withdrawn and can no longer accept it', async () => {
    const r = (await ask({ courseTypeId: course.ATVSLD_N3 })).json();
    const stale = await ent.post(`/api/training/requests/${r.id}/withdraw`, { version: r.version + 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('training.request_version_conflict');
    const out = await ent.post(`/api/training/requests/${r.id}/withdraw`, {
      version: r.version,
      reason: 'Đã gộp vào đợt sau',
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ status: 'withdrawn', can: { change: false } });
    const seen = (await hsc.get(`/api/training/requests/${r.id}`)).json();
    expect(seen.status).toBe('withdrawn');
    const accept = await hsc.post(`/api/training/requests/${r.id}/decision`, {
      version: seen.version,
      decision: 'accept',
    });
    expect(accept.statusCode).toBe(409);
    expect(
      (await ent.get('/api/training/requests?status=withdrawn')).json().map((x: { id: number }) => x.id),
    ).toEqual([r.id]);
    expect(await auditActions(r.id)).toEqual(['training.request.create', 'training.request.withdrawn']);
  });

  it("answers 404 for someone else's request, and 403 to the provider editing the enterprise's request", async () => {
    const r = (await ask({ courseTypeId: course.ATVSLD_N5 })).json();
    expect(
      (await other.patch(`/api/training/requests/${r.id}`, { version: 1, learners: 2 })).statusCode,
    ).toBe(404);
    expect((await other.post(`/api/training/requests/${r.id}/withdraw`, { version: 1 })).statusCode).toBe(
      404,
    );
    expect((await hsc.patch(`/api/training/requests/${r.id}`, { version: 1, learners: 2 })).statusCode).toBe(
      403,
    );
    expect((await hsc.post(`/api/training/requests/${r.id}/withdraw`, { version: 1 })).statusCode).toBe(403);
    expect((await ent.get(`/api/training/requests/${r.id}`)).json()).toMatchObject({
      learners: 40,
      version: 1,
    });
  });

  it('warns of an open request for the same course and overlapping period, sending it only when confirmed', async () => {
    const first = (await ask({ courseTypeId: course.ATVSLD_N6 })).json();
    const again = await ask({
      courseTypeId: course.ATVSLD_N6,
      preferredFrom: '2026-06-20',
      preferredTo: null,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'training.request_duplicate',
      details: { requestId: first.id, courseCode: 'ATVSLD_N6', preferredFrom: '2026-06-01' },
    });
    const later = await ask({
      courseTypeId: course.ATVSLD_N6,
      preferredFrom: '2026-09-01',
      preferredTo: '2026-09-30',
    });
    expect(later.statusCode, later.body).toBe(201);
    const otherEnterprise = await ask({ courseTypeId: course.ATVSLD_N6 }, other, o.otherEnterprise);
    expect(otherEnterprise.statusCode, otherEnterprise.body).toBe(201);
    const confirmed = await ask({ courseTypeId: course.ATVSLD_N6, confirmDuplicate: true });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    // A withdrawn request is not open: asking again needs no confirmation.
    const gone = (await ask({ courseTypeId: course.SCC_NLD, learners: 8 })).json();
    await ent.post(`/api/training/requests/${gone.id}/withdraw`, { version: gone.version });
    expect((await ask({ courseTypeId: course.SCC_NLD, learners: 8 })).statusCode).toBe(201);
  });
});
