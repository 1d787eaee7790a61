import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../test/helpers/factories.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../test/helpers/test-app.ts';

/**
 * People: one identity, many keepers (ARCHITECTURE.md). A person's id is resolved through the caller's scope by
 * every operation that takes one; a duplicate check tells nothing about a person the caller does not see; and
 * two keepers registering the same person — one after the other or at once — end with one person and two links.
 */
describe('people: one identity, many keepers', () => {
  let t: TestApp;
  let o: Record<'redCross' | 'hsc' | 'entA' | 'entB', BuiltOrg>;
  let rc: Session; // org_admin at the Red Cross (above the centre)
  let hsc: Session; // org_admin at the Humanitarian Services Center (the provider)
  let tm: Session; // training_manager at the centre
  let hrA: Session; // data_entry at enterprise A (the customer)
  let hrB: Session; // data_entry at enterprise B
  let course = 0;

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T02:00:00Z');
    const redCross = await buildOrg(t.db, { name: 'Hội Chữ thập đỏ tỉnh Bắc Ninh', kind: 'red_cross' });
    o = {
      redCross,
      hsc: await buildOrg(t.db, {
        parent: redCross,
        name: 'Trung tâm Dịch vụ Nhân đạo',
        kind: 'service_centre',
      }),
      entA: await buildOrg(t.db, { name: 'Công ty TNHH Điện tử Quế Võ', kind: 'enterprise' }),
      entB: await buildOrg(t.db, { name: 'Công ty CP May Yên Phong', kind: 'enterprise' }),
    };
    const as = (org: BuiltOrg, role: string) => loginAs(t, org, role);
    rc = await as(o.redCross, 'org_admin');
    hsc = await as(o.hsc, 'org_admin');
    tm = await as(o.hsc, 'training_manager');
    hrA = await as(o.entA, 'data_entry');
    hrB = await as(o.entB, 'data_entry');
    course = (await hsc.get('/api/training/course-types'))
      .json()
      .find((c: { code: string }) => c.code === 'SCC_NLD').id;
  });

  const register = async (s: Session, body: object) => s.post('/api/people', body);
  const linksOf = (personId: number) => countRows(t.db, 'person_links', sql`person_id = ${personId}`);

  type Refusal = { error: { details: { issues: { path: string }[] } } };
  const fieldRefused = (res: { statusCode: number; json: () => unknown }, paths: string[]) => {
    expect(res.statusCode).toBe(400);
    expect((res.json() as Refusal).error.details.issues.map((i) => i.path).sort()).toEqual(paths.sort());
  };

  it('refuses an HR enrolling, by id, people it cannot see, and leaves nothing of them readable', async () => {
    const trainer = (
      await register(hsc, { orgId: o.hsc.id, fullName: 'Đỗ Minh Giảng', birthDate: '1980-02-03' })
    ).json();
    const otherWorker = (
      await register(hsc, {
        orgId: o.hsc.id,
        fullName: 'Vũ Thị Thợ',
        birthDate: '1996-07-08',
        employerOrgId: o.entB.id,
      })
    ).json();
    expect((await hrA.get(`/api/people/${trainer.id}`)).statusCode).toBe(404);
    expect((await hrA.get(`/api/people/${otherWorker.id}`)).statusCode).toBe(404);
    const created = await hsc.post('/api/training/classes', {
      providerOrgId: o.hsc.id,
      courseTypeId: course,
      code: 'KEEP-01',
      title: 'Sơ cấp cứu cho công ty Quế Võ',
      capacity: 30,
      customerOrgId: o.entA.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const klass = created.json();
    const enrol = await hrA.post(`/api/training/classes/${klass.id}/enrolments`, {
      personIds: [trainer.id, otherWorker.id],
    });
    fieldRefused(enrol, ['body.personIds.0', 'body.personIds.1']);
    expect(enrol.body).not.toContain('Giảng');
    expect(enrol.body).not.toContain('Thợ');
    const seen = await hrA.get(`/api/training/classes/${klass.id}`);
    expect(seen.body).not.toContain('Đỗ Minh Giảng');
    expect(seen.body).not.toContain('1980-02-03');
    // The provider puts its own person in; the customer cannot cancel (nor learn of) a person it does not see.
    expect(
      (await hsc.post(`/api/training/classes/${klass.id}/enrolments`, { personIds: [trainer.id] }))
        .statusCode,
    ).toBe(200);
    const cancel = await hrA.del(`/api/training/classes/${klass.id}/enrolments/${trainer.id}`);
    expect(cancel.statusCode).toBe(404);
    // The enterprise's own worker (kept by the provider, employed by A: the employer link) is enrolled.
    const own = (
      await register(hsc, {
        orgId: o.hsc.id,
        fullName: 'Lý Văn Làm',
        birthDate: '1999-01-02',
        employerOrgId: o.entA.id,
      })
    ).json();
    expect((await hrA.get(`/api/people/${own.id}`)).statusCode).toBe(200);
    const ok = await hrA.post(`/api/training/classes/${klass.id}/enrolments`, { personIds: [own.id] });
    expect(ok.json().enrolled).toEqual([own.id]);
  });

  it('refuses a training manager registering as trainer a person kept above its organisation', async () => {
    const above = (
      await register(rc, { orgId: o.redCross.id, fullName: 'Hoàng Văn Trên', birthDate: '1975-09-09' })
    ).json();
    expect((await tm.get(`/api/people/${above.id}`)).statusCode).toBe(404);
    const res = await tm.post('/api/training/trainers', {
      personId: above.id,
      orgId: o.hsc.id,
      qualification: 'first_aid_instructor',
    });
    fieldRefused(res, ['body.personId']);
    expect(res.body).not.toContain('Trên');
    expect(await countRows(t.db, 'trainers', sql`person_id = ${above.id}`)).toBe(0);
  });

  it('says nothing about another keeper’s person when the CCCD is theirs but the name or birth date is not', async () => {
    const an = (
      await register(hsc, {
        orgId: o.hsc.id,
        fullName: 'Nguyễn Văn An',
        birthDate: '1990-05-07',
        sex: 'male',
        cccd: '027090012345',
        phone: '0912345678',
      })
    ).json();
    for (const typed of [
      { fullName: 'Trần Thị Bình', birthDate: '1990-05-07' },
      { fullName: 'Nguyễn Văn An', birthDate: '1990-06-07' },
    ]) {
      const res = await register(hrB, { orgId: o.entB.id, ...typed, cccd: '027090012345' });
      expect(res.statusCode).toBe(409);
      const body = res.json();
      expect(body.error.code).toBe('people.identity_conflict');
      expect(body.error.details ?? null).toBeNull();
      for (const leak of [String(an.id), 'Nguyễn Văn An', 'Trung tâm', '0912345678'])
        if (leak !== typed.fullName) expect(res.body).not.toContain(leak);
    }
    expect(await linksOf(an.id)).toBe(1);
  });

  it('links a second keeper to the same person when what it typed matches (with a CCCD)', async () => {
    const first = (
      await register(hsc, {
        orgId: o.hsc.id,
        fullName: 'Phạm Thị Hoa',
        birthDate: '1992-04-05',
        sex: 'female',
        cccd: '027192004321',
        email: 'hoa@example.vn',
      })
    ).json();
    // Typed in capitals, without the employer's knowledge of the e-mail: still the same person.
    const again = await register(hrB, {
      orgId: o.entB.id,
      fullName: 'PHẠM THỊ HOA',
      birthDate: '1992-04-05',
      cccd: '027 192 004 321',
    });
    expect(again.statusCode, again.body).toBe(201);
    const view = again.json();
    expect(view.id).toBe(first.id);
    // The new keeper sees the person through its own link: named as its own, never the other keeper.
    expect(view.orgId).toBe(o.entB.id);
    expect(again.body).not.toContain('Trung tâm');
    expect(view.cccdMasked).toBe(true);
    expect((await hrB.get(`/api/people/${first.id}`)).statusCode).toBe(200);
    expect(await countRows(t.db, 'people', sql`cccd = '027192004321'`)).toBe(1);
    expect(await linksOf(first.id)).toBe(2);
    // The first keeper still sees its own record named as its own.
    expect((await hsc.get(`/api/people/${first.id}`)).json().orgId).toBe(o.hsc.id);
  });

  it('links without a CCCD on the same folded name, birth date and phone, across the whole registry', async () => {
    const first = (
      await register(hrA, {
        orgId: o.entA.id,
        fullName: 'Lê Văn Cường',
        birthDate: '1988-11-12',
        phone: '0987654321',
      })
    ).json();
    const again = await register(hrB, {
      orgId: o.entB.id,
      fullName: 'le van cuong',
      birthDate: '1988-11-12',
      phone: '+84 987 654 321',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().id).toBe(first.id);
    expect(await linksOf(first.id)).toBe(2);
    // A keeper that already sees the person is told it is a duplicate (it may open it).
    const dup = await register(hrB, {
      orgId: o.entB.id,
      fullName: 'Lê Văn Cường',
      birthDate: '1988-11-12',
      phone: '0987654321',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'people.duplicate', details: { existingId: first.id } });
  });

  it('ends with one person and two links when two keepers register the same person at once', async () => {
    for (const [who, extra] of [
      ['Đặng Văn Đồng', { cccd: '027095007777' }],
      ['Bùi Thị Thời', { phone: '0911222333' }],
    ] as const) {
      const body = { fullName: who, birthDate: '1995-03-04', ...extra };
      const [a, b] = await Promise.all([
        register(hrA, { orgId: o.entA.id, ...body }),
        register(hrB, { orgId: o.entB.id, ...body }),
      ]);
      expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([201, 201]);
      expect(a.json().id).toBe(b.json().id);
      expect(await countRows(t.db, 'people', sql`full_name = ${who}`)).toBe(1);
      expect(await linksOf(a.json().id)).toBe(2);
    }
  });
});
