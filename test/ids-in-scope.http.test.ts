import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db/database.ts';
import { buildClass, courseId } from './helpers/certificates.fixtures.ts';
import { type BuiltOrg, buildOrg, buildUser } from './helpers/factories.ts';
import { expectFieldRefusal, expectNotFound } from './helpers/refusals.ts';
import { createTestApp, loginAs, type Session, type TestApp } from './helpers/test-app.ts';

/**
 * Issue 9: every id in a request — of an organisation, a user, a grant, a notice, a person, a class, a
 * session, a request, a trainer, a certificate — resolves through the caller's scope first, as the GET for that
 * object does: outside it, a 400 naming the field (body, query) or a 404 (path), and nothing of the object said.
 */
describe('ids in requests go through the caller’s scope', () => {
  let t: TestApp;
  const o = {} as Record<'national' | 'dienBien' | 'dbUnit' | 'bacNinh' | 'bnUnit', BuiltOrg>;
  let admin: Session;
  let bnAdmin: Session;
  let mine: { id: number };
  let theirs: { id: number };
  const secret = ['Bắc Ninh', 'Quế Võ', 'Bí Mật', 'nguoi.bac.ninh'];
  const date = '2026-05-01';

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T02:00:00Z');
    o.national = await buildOrg(t.db, { name: 'Tổng Liên đoàn Lao động Việt Nam' });
    o.dienBien = await buildOrg(t.db, { parent: o.national, name: 'Liên đoàn Lao động tỉnh Điện Biên' });
    o.dbUnit = await buildOrg(t.db, { parent: o.dienBien, name: 'Công đoàn ngành Y tế tỉnh Điện Biên' });
    o.bacNinh = await buildOrg(t.db, { parent: o.national, name: 'Liên đoàn Lao động tỉnh Bắc Ninh' });
    o.bnUnit = await buildOrg(t.db, { parent: o.bacNinh, name: 'Công đoàn KCN Quế Võ' });
    admin = await loginAs(t, o.dienBien, 'org_admin');
    bnAdmin = await loginAs(t, o.bacNinh, 'org_admin');
    mine = await buildUser(t.db, { grants: [{ org: o.dbUnit, role: 'viewer' }] });
    theirs = await buildUser(t.db, {
      username: 'nguoi.bac.ninh',
      grants: [{ org: o.bnUnit, role: 'viewer' }],
    });
  });

  describe('organisations', () => {
    it('refuses a parent, a new parent or a successor outside the scope on the field', async () => {
      expectFieldRefusal(
        await admin.post('/api/orgs', { parentId: o.bnUnit.id, name: 'Công đoàn mới', kind: 'union' }),
        'body.parentId',
        secret,
      );
      expectFieldRefusal(
        await admin.post(`/api/orgs/${o.dbUnit.id}/move`, {
          version: 1,
          newParentId: o.bacNinh.id,
          effectiveOn: date,
        }),
        'body.newParentId',
        secret,
      );
      expectFieldRefusal(
        await admin.post(`/api/orgs/${o.dbUnit.id}/merge`, {
          version: 1,
          intoId: o.bnUnit.id,
          effectiveOn: date,
        }),
        'body.intoId',
        secret,
      );
    });
  });

  describe('users, grants, audit and notices', () => {
    it('refuses an organisation outside the scope in a grant, naming the element of a mixed list', async () => {
      expectFieldRefusal(
        await admin.post('/api/users', {
          username: 'can.bo.moi',
          fullName: 'Cán bộ mới',
          password: 'Mat-khau-moi-123',
          grants: [
            { orgId: o.dbUnit.id, role: 'viewer' },
            { orgId: o.bnUnit.id, role: 'viewer' },
          ],
        }),
        'body.grants.1.orgId',
        secret,
      );
      expectFieldRefusal(
        await admin.post(`/api/users/${mine.id}/grants`, { orgId: o.bnUnit.id, role: 'viewer' }),
        'body.orgId',
        secret,
      );
    });

    it('does not find another tree’s user or their grant', async () => {
      const [grant] = await rows<{ id: number }>(
        t.db,
        sql`SELECT id FROM role_grants WHERE user_id = ${theirs.id}`,
      );
      expectNotFound(await admin.get(`/api/users/${theirs.id}`), secret);
      expectNotFound(
        await admin.post(`/api/users/${theirs.id}/grants`, { orgId: o.dbUnit.id, role: 'viewer' }),
        secret,
      );
      expectNotFound(await admin.del(`/api/users/${theirs.id}/grants/${grant!.id}`), secret);
      // A grant of another user under a user the caller manages is not found either.
      expectNotFound(await admin.del(`/api/users/${mine.id}/grants/${grant!.id}`), secret);
      expectNotFound(await admin.post(`/api/users/${theirs.id}/unlock`), secret);
    });

    it('refuses an organisation or a user outside the scope in the audit filters', async () => {
      for (const base of ['/api/audit', '/api/audit/export.xlsx']) {
        expectFieldRefusal(await admin.get(`${base}?orgId=${o.bnUnit.id}`), 'querystring.orgId', secret);
        expectFieldRefusal(await admin.get(`${base}?userId=${theirs.id}`), 'querystring.userId', secret);
      }
      expect((await admin.get(`/api/audit?userId=${mine.id}`)).statusCode).toBe(200);
    });

    it('does not find someone else’s notice', async () => {
      const [n] = await rows<{ id: number }>(
        t.db,
        sql`INSERT INTO notifications (user_id, kind, title, body, dedupe_key)
            VALUES (${theirs.id}, 'test', 'Bí Mật Bắc Ninh', 'Bí Mật', 'x') RETURNING id`,
      );
      expectNotFound(await admin.post(`/api/notifications/${n!.id}/read`), secret);
      expectNotFound(await bnAdmin.post(`/api/notifications/${n!.id}/read`), secret);
    });
  });

  describe('people', () => {
    let theirPerson: number;
    let myPerson: { id: number; version: number };
    beforeAll(async () => {
      const manager = await loginAs(t, o.bacNinh, 'training_manager');
      const p = await manager.post('/api/people', { fullName: 'Nguyễn Bí Mật', orgId: o.bnUnit.id });
      expect(p.statusCode, p.body).toBe(201);
      theirPerson = p.json().id;
      const me = await loginAs(t, o.dienBien, 'training_manager');
      myPerson = (await me.post('/api/people', { fullName: 'Trần Văn An', orgId: o.dbUnit.id })).json();
      admin = me;
    });

    it('refuses an organisation outside the scope in the lists and in a new record', async () => {
      expectFieldRefusal(await admin.get(`/api/people?orgId=${o.bnUnit.id}`), 'querystring.orgId', secret);
      expectFieldRefusal(
        await admin.get(`/api/people/duplicates?orgId=${o.bnUnit.id}`),
        'querystring.orgId',
        secret,
      );
      expectFieldRefusal(
        await admin.post('/api/people', { fullName: 'Lê Văn Bình', orgId: o.bnUnit.id }),
        'body.orgId',
        secret,
      );
    });

    it('does not find a person outside the scope, on the path or as the one kept by a merge', async () => {
      expectNotFound(await admin.get(`/api/people/${theirPerson}`), secret);
      expectNotFound(
        await admin.patch(`/api/people/${theirPerson}`, { version: 1, phone: '0912345678' }),
        secret,
      );
      expectFieldRefusal(
        await admin.post(`/api/people/${myPerson.id}/merge`, {
          intoId: theirPerson,
          version: myPerson.version,
        }),
        'body.intoId',
        secret,
      );
    });
  });

  describe('training', () => {
    const rc = {} as Record<'root' | 'hsc' | 'other', BuiltOrg>;
    let hsc: Session;
    let other: Session;
    let theirClass: { id: number; people: { personId: number }[] };
    let myClass: { id: number };
    let theirSession: number;
    let theirTrainer: number;
    let myTrainer: number;
    let theirRequest: number;
    let theirCertificate: number;
    const rcSecret = ['Bí Mật', 'Điện Biên Đông', 'L-BIMAT'];

    beforeAll(async () => {
      rc.root = await buildOrg(t.db, { name: 'Trung ương Hội Chữ thập đỏ Việt Nam', kind: 'red_cross' });
      rc.hsc = await buildOrg(t.db, {
        parent: rc.root,
        name: 'Trung tâm Dịch vụ Nhân đạo',
        kind: 'service_centre',
      });
      rc.other = await buildOrg(t.db, {
        parent: rc.root,
        name: 'Hội Chữ thập đỏ huyện Điện Biên Đông',
        kind: 'red_cross',
      });
      hsc = await loginAs(t, rc.hsc, 'training_manager');
      other = await loginAs(t, rc.other, 'training_manager');
      const learners = [{ name: 'Phạm Thị Bí Mật' }, { name: 'Hoàng Văn Bí Mật' }];
      theirClass = await buildClass(t.db, {
        provider: rc.other,
        course: 'SCC_NLD',
        learners,
        code: 'L-BIMAT',
      });
      myClass = await buildClass(t.db, {
        provider: rc.hsc,
        course: 'SCC_NLD',
        learners: [{ name: 'Vũ Văn Cường' }],
        status: 'open',
        days: ['2026-06-01'],
      });
      [{ id: theirSession }] = (await rows<{ id: number }>(
        t.db,
        sql`SELECT id FROM class_sessions WHERE class_id = ${theirClass.id} LIMIT 1`,
      )) as [{ id: number }];
      await t.db.execute(sql`INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
        SELECT id, ${rc.other.id}, ${rc.other.path}::ltree, 'training', '2026-01-01' FROM people WHERE id = ANY(${`{${theirClass.people.map((p) => p.personId).join(',')}}`}::int[])
        ON CONFLICT DO NOTHING`);
      const tr = await other.post('/api/training/trainers', {
        personId: theirClass.people[0]!.personId,
        orgId: rc.other.id,
        qualification: 'first_aid',
      });
      expect(tr.statusCode, tr.body).toBe(201);
      theirTrainer = tr.json().id;
      const myPerson = (await hsc.post('/api/people', { fullName: 'Đỗ Văn Dũng', orgId: rc.hsc.id })).json();
      const mt = await hsc.post('/api/training/trainers', {
        personId: myPerson.id,
        orgId: rc.hsc.id,
        qualification: 'first_aid',
      });
      expect(mt.statusCode, mt.body).toBe(201);
      myTrainer = mt.json().id;
      const certs = await other.post(`/api/training/classes/${theirClass.id}/certificates`);
      expect(certs.statusCode, certs.body).toBe(200);
      theirCertificate = certs.json().issued[0].id;
      const ent = await buildOrg(t.db, { name: 'Công ty Bí Mật', kind: 'enterprise' });
      const entHr = await loginAs(t, ent, 'data_entry');
      const req = await entHr.post('/api/training/requests', {
        requesterOrgId: ent.id,
        providerOrgId: rc.other.id,
        courseTypeId: await courseId(t.db, 'SCC_NLD'),
        learners: 10,
      });
      expect(req.statusCode, req.body).toBe(201);
      theirRequest = req.json().id;
    });

    it('refuses an organisation, a request or a trainer outside the scope, naming the field', async () => {
      expectFieldRefusal(
        await hsc.get(`/api/training/trainers?orgId=${rc.other.id}`),
        'querystring.orgId',
        rcSecret,
      );
      expectFieldRefusal(
        await hsc.get(`/api/training/classes?requestId=${theirRequest}`),
        'querystring.requestId',
        rcSecret,
      );
      expectFieldRefusal(
        await hsc.post('/api/training/classes', {
          providerOrgId: rc.hsc.id,
          courseTypeId: await courseId(t.db, 'SCC_NLD'),
          requestId: theirRequest,
          code: 'L-MOI',
          title: 'Lớp mới',
          capacity: 10,
        }),
        'body.requestId',
        rcSecret,
      );
      expectFieldRefusal(
        await hsc.request({
          method: 'PUT',
          url: `/api/training/classes/${myClass.id}/trainers`,
          json: { trainerIds: [myTrainer, theirTrainer] },
        }),
        'body.trainerIds.1',
        rcSecret,
      );
      // The element is named where the body has it, repeated ids before it included.
      expectFieldRefusal(
        await hsc.request({
          method: 'PUT',
          url: `/api/training/classes/${myClass.id}/trainers`,
          json: { trainerIds: [myTrainer, myTrainer, theirTrainer] },
        }),
        'body.trainerIds.2',
        rcSecret,
      );
    });

    it('refuses another provider’s own course, naming the field and nothing of it', async () => {
      const custom = await other.post('/api/training/course-types', {
        ownerOrgId: rc.other.id,
        code: 'BIMAT_1',
        nameVi: 'Khoá Bí Mật',
        nameEn: 'Secret course',
        hours: 8,
        legalSource: 'Kế hoạch Bí Mật',
        effectiveFrom: '2026-01-01',
      });
      expect(custom.statusCode, custom.body).toBe(201);
      expectFieldRefusal(
        await hsc.post('/api/training/classes', {
          providerOrgId: rc.hsc.id,
          courseTypeId: custom.json().id,
          code: 'L-KHAC',
          title: 'Lớp khác',
          capacity: 10,
        }),
        'body.courseTypeId',
        [...rcSecret, 'BIMAT_1'],
      );
    });

    it('refuses a person, a class or an organisation outside the scope in the certificate filters', async () => {
      const person = theirClass.people[0]!.personId;
      for (const [q, field] of [
        [`personId=${person}`, 'querystring.personId'],
        [`classId=${theirClass.id}`, 'querystring.classId'],
      ] as const)
        expectFieldRefusal(await hsc.get(`/api/training/certificates?${q}`), field, rcSecret);
      // The issuer filter is a named party by design (an enterprise filters by the centre that trained its
      // workers): it narrows what the caller lists and says nothing of the organisation.
      const byIssuer = await hsc.get(`/api/training/certificates?orgId=${rc.other.id}`);
      expect(byIssuer.statusCode).toBe(200);
      expect(byIssuer.json().total).toBe(0);
      for (const s of rcSecret) expect(byIssuer.body).not.toContain(s);
    });

    it('does not find another provider’s class, session or certificate on the path', async () => {
      for (const res of [
        await hsc.get(`/api/training/classes/${theirClass.id}`),
        await hsc.get(`/api/training/classes/${myClass.id}/sessions/${theirSession}/attendance`),
        await other.get(`/api/training/classes/${theirClass.id}/sessions/${theirSession + 1000}/attendance`),
        await hsc.get(`/api/training/certificates/${theirCertificate}.pdf`),
        await hsc.post(`/api/training/certificates/${theirCertificate}/revoke`, { reason: 'Cấp nhầm người' }),
        await hsc.post(`/api/training/certificates/${theirCertificate}/reissue`, {
          reason: 'Cấp lại do mất',
        }),
        await hsc.get(`/api/training/classes/${theirClass.id}/certificates.pdf`),
        await hsc.get(`/api/training/classes/${theirClass.id}/roster.xlsx`),
      ])
        expectNotFound(res, rcSecret);
    });
  });
});
