import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg, buildUser } from '../../../test/helpers/factories.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  signIn,
  type TestApp,
} from '../../../test/helpers/test-app.ts';
import { createTestDatabase } from '../../../test/helpers/test-db.ts';
import { fixedClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { rows } from '../../platform/db/database.ts';
import { buildApp } from '../../platform/http/app.ts';
import { modules } from '../index.ts';

/** Seed 000: the Humanitarian Services Center keeps the people it trains for an enterprise in a Bắc Ninh park. */
describe('person registry', () => {
  let t: TestApp;
  let redCross: BuiltOrg;
  let center: BuiltOrg;
  let other: BuiltOrg;
  let enterprise: BuiltOrg;
  let admin: Session; // org_admin at the provincial Red Cross: person.manage + person.sensitive
  let clerk: Session; // data_entry at the center: person.manage, not sensitive
  let viewer: Session;
  let outsider: Session;
  const an = {
    fullName: 'Nguyễn Văn An',
    birthDate: '1990-05-07',
    sex: 'male',
    cccd: '027090012345',
    phone: '0912345678',
  };

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    redCross = await buildOrg(t.db, { name: 'Hội Chữ thập đỏ tỉnh Bắc Ninh' });
    center = await buildOrg(t.db, { parent: redCross, name: 'Trung tâm Dịch vụ Nhân đạo' });
    other = await buildOrg(t.db, { name: 'Hội Chữ thập đỏ tỉnh Điện Biên' });
    enterprise = await buildOrg(t.db, { name: 'Công ty TNHH Điện tử Quế Võ', kind: 'enterprise' });
    const mk = (org: BuiltOrg, role: string) => loginAs(t, org, role);
    admin = await mk(redCross, 'org_admin');
    clerk = await mk(center, 'data_entry');
    viewer = await mk(center, 'viewer');
    outsider = await mk(other, 'org_admin');
  });

  const create = (s: Session, body: Record<string, unknown>) =>
    s.post('/api/people', { orgId: center.id, employerOrgId: enterprise.id, ...body });

  it('registers a person with the name normalised and the CCCD masked; audit keeps only the mask', async () => {
    const res = await create(clerk, { ...an, fullName: '  Nguyễn   Văn An ', jobTitle: 'Công nhân' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      fullName: 'Nguyễn Văn An',
      cccd: '0270******45',
      cccdMasked: true,
      employerName: 'Công ty TNHH Điện tử Quế Võ',
      orgId: center.id,
      version: 1,
      can: { manage: true, revealCccd: false },
    });
    const [entry] = await rows<{ after: { cccd: string } }>(
      t.db,
      sql`SELECT after FROM audit_log WHERE entity_type = 'person' AND entity_id = ${String(p.id)} AND action = 'create'`,
    );
    expect(entry!.after.cccd).toBe('0270******45');
    const leaked = await countRows(t.db, 'audit_log', sql`after::text LIKE '%027090012345%'`);
    expect(leaked).toBe(0);
  });

  it('answers field-level Vietnamese messages for each bad field', async () => {
    const res = await create(clerk, {
      fullName: 'Nguyễn V4n',
      birthDate: '2027-01-01',
      sex: 'female',
      cccd: '027090012',
      phone: '12345',
      email: 'khong-hop-le',
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as { path: string; message: string }[];
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['body.fullName']).toMatch(/chỉ gồm chữ cái/);
    expect(byPath['body.birthDate']).toBe('Ngày sinh không được sau ngày hôm nay');
    expect(byPath['body.cccd']).toMatch(/đúng 12 chữ số \(đang có 9\)/);
    expect(byPath['body.phone']).toMatch(/Số điện thoại/);
    expect(byPath['body.email']).toBe('Địa chỉ e-mail không hợp lệ');
  });

  it('refuses a CCCD whose century/sex digit or year digits contradict the birth date and sex', async () => {
    const res = await create(clerk, { ...an, cccd: '027191012345' });
    expect(res.statusCode).toBe(400);
    const msgs = res.json().error.details.issues.map((i: { message: string }) => i.message);
    expect(msgs).toContain('Chữ số thứ 5–6 của CCCD (91) phải là hai số cuối của năm sinh (90)');
    expect(msgs).toContain(
      'Chữ số thứ 4 của CCCD (1) ứng với giới tính nữ, không khớp giới tính đã khai (nam)',
    );
  });

  it('catches a duplicate by CCCD and by unaccented name + birth date + phone, with the existing id', async () => {
    const [existing] = (await clerk.get(`/api/people?q=027090012345`)).json().items;
    const byCccd = await create(clerk, { ...an, fullName: 'Nguyễn Văn Ân' });
    expect(byCccd.statusCode).toBe(409);
    expect(byCccd.json().error).toMatchObject({
      code: 'people.duplicate',
      details: { existingId: existing.id, matchedBy: 'cccd' },
    });
    const binh = await create(clerk, {
      fullName: 'Trần Thị Bình',
      birthDate: '1995-02-03',
      phone: '0987654321',
    });
    expect(binh.statusCode).toBe(201);
    const again = await create(clerk, {
      fullName: 'TRAN THI BINH',
      birthDate: '1995-02-03',
      phone: '0987 654 321',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ existingId: binh.json().id, matchedBy: 'name_birth_phone' });
    // A different phone is another person as far as the rule goes.
    const other = await create(clerk, {
      fullName: 'Trần Thị Bình',
      birthDate: '1995-02-03',
      phone: '0987000000',
    });
    expect(other.statusCode).toBe(201);
    const pairs = (await clerk.get(`/api/people/duplicates?orgId=${center.id}`)).json();
    expect(pairs).toEqual([
      expect.objectContaining({
        a: expect.objectContaining({ id: binh.json().id }),
        b: expect.objectContaining({ id: other.json().id }),
        reason: 'name_birth',
      }),
    ]);
  });

  it('searches without diacritics and looks a full CCCD up exactly, within scope only', async () => {
    const byName = (await viewer.get('/api/people?q=nguyen van an')).json();
    expect(byName.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Văn An']);
    expect((await viewer.get('/api/people?q=0912345678')).json().total).toBe(1);
    expect((await viewer.get('/api/people?q=027090012345')).json().items[0].cccd).toBe('0270******45');
    expect((await viewer.get('/api/people?q=027090012346')).json().total).toBe(0);
    expect((await outsider.get('/api/people?q=nguyen')).json().total).toBe(0);
    const id = byName.items[0].id;
    expect((await outsider.get(`/api/people/${id}`)).statusCode).toBe(404);
  });

  it('reveals the full CCCD only to person.sensitive, and records the read', async () => {
    const [p] = (await admin.get('/api/people?q=027090012345')).json().items;
    expect((await clerk.get(`/api/people/${p.id}?reveal=cccd`)).statusCode).toBe(403);
    const before = await countRows(t.db, 'audit_log', sql`action = 'read_sensitive'`);
    const full = await admin.get(`/api/people/${p.id}?reveal=cccd`);
    expect(full.json()).toMatchObject({ cccd: '027090012345', cccdMasked: false });
    expect(await countRows(t.db, 'audit_log', sql`action = 'read_sensitive'`)).toBe(before + 1);
    const [entry] = await rows<{ after: unknown; actor_user_id: number }>(
      t.db,
      sql`SELECT after, actor_user_id FROM audit_log WHERE action = 'read_sensitive' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ after: { field: 'cccd', cccd: '0270******45' }, actor_user_id: admin.userId });
    // Without ?reveal even the admin gets the mask.
    expect((await admin.get(`/api/people/${p.id}`)).json().cccd).toBe('0270******45');
  });

  it('edits with the version (stale is 409) and needs person.manage', async () => {
    const [p] = (await admin.get('/api/people?q=027090012345')).json().items;
    expect(
      (await viewer.patch(`/api/people/${p.id}`, { phone: '0912000000', version: p.version })).statusCode,
    ).toBe(403);
    const ok = await clerk.patch(`/api/people/${p.id}`, { phone: '+84912000000', version: p.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ phone: '0912000000', version: p.version + 1 });
    const stale = await clerk.patch(`/api/people/${p.id}`, { phone: '0912111111', version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('people.version_conflict');
    const bad = await clerk.patch(`/api/people/${p.id}`, { cccd: '027090', version: p.version + 1 });
    expect(bad.json().error.details.issues[0].path).toBe('body.cccd');
  });

  it('merges a duplicate: enrolments, certificates and trainer posts move in one transaction', async () => {
    const keep = (
      await create(clerk, { fullName: 'Lê Văn Cường', birthDate: '1988-08-08', phone: '0977111222' })
    ).json();
    const dup = (
      await create(clerk, {
        fullName: 'Lê Văn Cường',
        birthDate: '1988-08-08',
        cccd: '027088000111',
        sex: 'male',
        phone: '0977333444',
      })
    ).json();
    const [course] = await rows<{ id: number }>(t.db, sql`SELECT id FROM course_types ORDER BY id LIMIT 1`);
    const [cls] = await rows<{ id: number }>(
      t.db,
      sql`INSERT INTO training_classes (code, provider_org_id, provider_path, course_type_id, title, capacity)
          VALUES ('L1', ${center.id}, ${center.path}::ltree, ${course!.id}, 'Lớp 1', 30) RETURNING id`,
    );
    await t.db.execute(
      sql`INSERT INTO enrolments (class_id, person_id, status) VALUES (${cls!.id}, ${dup.id}, 'enrolled')`,
    );
    await t.db.execute(
      sql`INSERT INTO certificates (issuer_org_id, issuer_path, year, seq, number, person_id, course_type_id, issued_on, verify_code)
          VALUES (${center.id}, ${center.path}::ltree, 2026, 1, '000001/2026/GCN', ${dup.id}, ${course!.id}, '2026-05-01', 'ABC123')`,
    );
    await t.db.execute(
      sql`INSERT INTO trainers (person_id, org_id, org_path, qualification)
          VALUES (${dup.id}, ${center.id}, ${center.path}::ltree, 'first_aid_instructor')`,
    );
    const stale = await clerk.post(`/api/people/${dup.id}/merge`, {
      intoId: keep.id,
      version: dup.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const res = await clerk.post(`/api/people/${dup.id}/merge`, { intoId: keep.id, version: dup.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mergedId: dup.id,
      moved: { enrolments: 1, certificates: 1, trainers: 1 },
      // The kept record takes the CCCD only the duplicate had; its own phone stays.
      kept: { id: keep.id, cccd: '0270******11', phone: '0977111222' },
    });
    const owners = await rows<{ t: string; person_id: number }>(
      t.db,
      sql`SELECT 'e' AS t, person_id FROM enrolments WHERE class_id = ${cls!.id}
          UNION ALL SELECT 'c', person_id FROM certificates WHERE verify_code = 'ABC123'
          UNION ALL SELECT 't', person_id FROM trainers WHERE org_id = ${center.id}`,
    );
    expect(owners.every((o) => o.person_id === keep.id)).toBe(true);
    const trail = await rows<{ action: string; entity_id: string }>(
      t.db,
      sql`SELECT action, entity_id FROM audit_log WHERE action IN ('merge', 'merge_into') ORDER BY id`,
    );
    expect(trail).toEqual([
      { action: 'merge', entity_id: String(dup.id) },
      { action: 'merge_into', entity_id: String(keep.id) },
    ]);
    const merged = (await clerk.get(`/api/people/${dup.id}`)).json();
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: keep.id });
    expect((await clerk.get(`/api/people?q=le van cuong`)).json().total).toBe(1);
    const edit = await clerk.patch(`/api/people/${dup.id}`, { phone: '0977000000', version: merged.version });
    expect(edit.json().error.code).toBe('people.merged');
  });

  it('refuses a merge that would put one person twice in the same class', async () => {
    const a = (await create(clerk, { fullName: 'Phạm Thị Dung', birthDate: '1992-01-01' })).json();
    const b = (
      await create(clerk, { fullName: 'Phạm Thị Dung', birthDate: '1992-01-01', phone: '0911000111' })
    ).json();
    const [cls] = await rows<{ id: number }>(t.db, sql`SELECT id FROM training_classes WHERE code = 'L1'`);
    await t.db.execute(
      sql`INSERT INTO enrolments (class_id, person_id, status) VALUES (${cls!.id}, ${a.id}, 'enrolled'), (${cls!.id}, ${b.id}, 'enrolled')`,
    );
    const res = await clerk.post(`/api/people/${a.id}/merge`, { intoId: b.id, version: a.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'people.merge_conflict',
      details: { classIds: [cls!.id] },
    });
    expect((await clerk.get(`/api/people/${a.id}`)).json().status).toBe('active');
  });
});

describe('application log', () => {
  it('does not write a CCCD looked up in the query string to the request log', async () => {
    const lines: string[] = [];
    const database = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: '/tmp/unused',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    });
    const stream = { write: (l: string) => lines.push(l) };
    const app = await buildApp(
      { database, db: database.db, clock: fixedClock('2026-05-04T08:00:00Z'), config },
      modules,
      { level: 'info', stream },
    );
    await app.ready();
    const org = await buildOrg(database.db);
    const u = await buildUser(database.db, { grants: [{ org, role: 'org_admin' }] });
    const s = await signIn({ app }, u.username, u.password);
    const res = await s.get('/api/people?q=027090012345');
    expect(res.statusCode).toBe(200);
    await s.get('/api/people?q=nguyen');
    expect(lines.some((l) => l.includes('/api/auth/login'))).toBe(true); // the log does record other requests
    expect(lines.filter((l) => l.includes('027090012345'))).toEqual([]);
    await app.close();
    await database.close();
  });
});
