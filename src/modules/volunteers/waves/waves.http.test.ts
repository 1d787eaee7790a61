import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFieldRefusal, expectNotFound } from '../../../../test/helpers/refusals.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import {
  buildAssignment,
  buildVolunteer,
  buildWaveWorld,
  put,
  type WaveWorld,
  waveBody,
} from '../../../../test/helpers/waves.fixtures.ts';
import { rows } from '../../../platform/db/database.ts';
import type { JobCtx } from '../../../platform/scheduler.ts';
import { loadBuiltInAdminUnits } from '../../admin-units/index.ts';
import { runNamesDueReminders } from './waves.jobs.ts';

/** A wave from the ministry's draft to the schools' answers: quotas, notices, checked proposals, fill, scope. */
describe('mobilisation waves', () => {
  let t: TestApp;
  let w: WaveWorld;

  beforeAll(async () => {
    t = await createTestApp('2021-05-20T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    await loadBuiltInAdminUnits(t.db);
    w = await buildWaveWorld(t);
  });

  const notices = async (userId: number, kind: string) =>
    (
      await rows<{ n: number }>(
        t.db,
        sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND kind = ${kind}`,
      )
    )[0]!.n;
  const openWave = async (extra: object = {}) => {
    const created = await w.issuer.post('/api/waves', waveBody(w, extra));
    expect(created.statusCode, created.body).toBe(201);
    const opened = await w.issuer.post(`/api/waves/${created.json().id}/open`, { version: 1 });
    expect(opened.statusCode, opened.body).toBe(200);
    return opened.json();
  };

  it('lists the provinces as of a date: two before 1/7/2025 where one is now', async () => {
    const y2021 = (await w.issuer.get('/api/waves/provinces?date=2021-05-27')).json();
    const named = (code: string) => y2021.find((p: { code: string }) => p.code === code);
    expect(named('24')).toEqual({ code: '24', name: 'Tỉnh Bắc Giang', currentCode: '24' });
    expect(named('27')).toEqual({ code: '27', name: 'Tỉnh Bắc Ninh', currentCode: '24' });
    expect(y2021).toHaveLength(63);
    const y2026 = (await w.issuer.get('/api/waves/provinces?date=2026-01-01')).json();
    expect(y2026).toHaveLength(34);
    expect(y2026.find((p: { code: string }) => p.code === '24').name).toMatch(/Bắc Ninh/);
  });

  it('creates a draft with places as of its start, quotas summed; institutions see it only once open', async () => {
    const res = await w.issuer.post('/api/waves', waveBody(w));
    expect(res.statusCode, res.body).toBe(201);
    const wave = res.json();
    expect(wave.status).toBe('draft');
    expect(wave.quotaTotal).toBe(5);
    expect(wave.neededTotal).toBe(5);
    expect(wave.destinations.map((d: { adminUnitName: string }) => d.adminUnitName)).toEqual([
      'Tỉnh Bắc Giang',
      'Tỉnh Bắc Ninh',
    ]);
    expect(wave.needs[0].destinationId).toBe(wave.destinations[0].id);
    expect(wave.topics[0].courseTypeId).toBe(w.topicId);
    expectNotFound(await w.offA.get(`/api/waves/${wave.id}`), [wave.title]);
    expect((await w.offA.get('/api/waves')).json()).toHaveLength(0);

    const opened = await w.issuer.post(`/api/waves/${wave.id}/open`, { version: 1 });
    expect(opened.json().status).toBe('open');
    expect(await notices(w.offA.userId, 'wave_request_received')).toBeGreaterThan(0);
    expect(await notices(w.offB.userId, 'wave_request_received')).toBeGreaterThan(0);
    expect(await notices(w.issuer.userId, 'wave_request_received')).toBe(0);

    const seenByA = (await w.offA.get(`/api/waves/${wave.id}`)).json();
    expect(seenByA.quotas.map((q: { orgName: string }) => q.orgName)).toEqual([w.schoolA.name]);
    expect(seenByA.quotaTotal).toBe(5);
    expect(seenByA.can.seeAll).toBe(false);
    expect(seenByA.can.edit).toBe(false);
    expect(JSON.stringify(seenByA)).not.toContain(w.schoolB.name);
    expectNotFound(await w.stranger.get(`/api/waves/${wave.id}`), [wave.title]);
  });

  it('restricts editing once open; quotas still change, audited', async () => {
    const wave = await openWave();
    const edit = await put(w.issuer, `/api/waves/${wave.id}`, { ...waveBody(w), version: wave.version });
    expect(edit.json().error.code).toBe('waves.not_draft');
    const q = await put(w.issuer, `/api/waves/${wave.id}/quotas`, {
      version: wave.version,
      quotas: [
        { orgId: w.schoolA.id, quota: 4 },
        { orgId: w.schoolB.id, quota: 2 },
      ],
    });
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().quotaTotal).toBe(6);
    const [entry] = await rows<{ before: unknown; after: unknown }>(
      t.db,
      sql`SELECT before, after FROM audit_log WHERE action = 'wave.quotas' AND entity_id = ${String(wave.id)}`,
    );
    expect(JSON.stringify(entry?.after)).toContain('"quota":4');
    const outside = await put(w.issuer, `/api/waves/${wave.id}/quotas`, {
      version: q.json().version,
      quotas: [{ orgId: w.outsider.id, quota: 1 }],
    });
    expectFieldRefusal(outside, 'body.quotas.0.orgId', [w.outsider.name]);
  });

  it('checks each proposed volunteer: overlap, missing topic, expired qualification refused with reasons', async () => {
    const wave = await openWave();
    const sampling = (expiresOn: string | null) => ({ code: 'sampling', expiresOn });
    const good = await buildVolunteer(t.db, w.schoolA, { skill: sampling(null), topicId: w.topicId });
    const busy = await buildVolunteer(t.db, w.schoolA, { skill: sampling(null), topicId: w.topicId });
    await buildAssignment(t.db, w.schoolA, busy, '2021-05-10', '2021-05-30');
    const untrained = await buildVolunteer(t.db, w.schoolA, { skill: sampling(null) });
    const expired = await buildVolunteer(t.db, w.schoolA, {
      skill: sampling('2021-05-01'),
      topicId: w.topicId,
    });
    const res = await w.offA.post(`/api/waves/${wave.id}/members`, {
      orgId: w.schoolA.id,
      skill: 'sampling',
      profileIds: [good.profileId, busy.profileId, untrained.profileId, expired.profileId],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect([body.proposed, body.refused]).toEqual([1, 3]);
    const byName = (n: string) => body.members.find((m: { fullName: string }) => m.fullName === n);
    expect(byName(good.name).status).toBe('proposed');
    expect(byName(busy.name).reasons.map((r: { code: string }) => r.code)).toEqual(['overlap']);
    expect(byName(busy.name).reasons[0].text).toContain('Đợt 1 – hỗ trợ Bắc Giang');
    expect(byName(untrained.name).reasons[0]).toMatchObject({
      code: 'topic_missing',
      courseTypeId: w.topicId,
    });
    expect(byName(expired.name).reasons[0]).toMatchObject({
      code: 'qualification_expired',
      expiredOn: '2021-05-01',
    });

    const fill = (await w.issuer.get(`/api/waves/${wave.id}/fill`)).json();
    const a = fill.institutions.find((i: { orgId: number }) => i.orgId === w.schoolA.id);
    expect(a).toMatchObject({ quota: 3, proposed: 1, refused: 3, accepted: 0, missing: 2 });
    expect(fill.totals).toMatchObject({ quota: 5, proposed: 1, missing: 4 });
    expect(fill.skills.find((s: { skill: string }) => s.skill === 'sampling')).toMatchObject({
      needed: 4,
      proposed: 1,
    });
    expect(fill.refusedMembers).toHaveLength(3);

    const gaps = (await w.offA.get(`/api/waves/${wave.id}/topic-gaps?orgId=${w.schoolA.id}`)).json();
    expect(gaps.topics[0].people.map((p: { fullName: string }) => p.fullName)).toEqual([untrained.name]);
  });

  it('lists candidates who can go, flags missing topics, and refuses proposals past the quota', async () => {
    const wave = await openWave();
    const sampling = { code: 'sampling', expiresOn: null };
    const ready = await buildVolunteer(t.db, w.schoolA, {
      name: 'Trần Thị Sẵn Sàng',
      skill: sampling,
      topicId: w.topicId,
    });
    const noTopic = await buildVolunteer(t.db, w.schoolA, { name: 'Lê Văn Chưa Học', skill: sampling });
    const busy = await buildVolunteer(t.db, w.schoolA, {
      name: 'Phạm Văn Bận',
      skill: sampling,
      topicId: w.topicId,
    });
    await buildAssignment(t.db, w.schoolA, busy, '2021-06-01', '2021-06-05');
    await buildVolunteer(t.db, w.schoolA, {
      name: 'Đỗ Văn Hết Hạn',
      skill: { code: 'sampling', expiresOn: '2020-01-01' },
    });
    await buildVolunteer(t.db, w.schoolA, { name: 'Vũ Văn Nhỏ', birthDate: '2004-01-01', skill: sampling });
    const page = (
      await w.offA.get(`/api/waves/${wave.id}/candidates?orgId=${w.schoolA.id}&skill=sampling&q=van`)
    ).json();
    const names = page.items.map((c: { fullName: string }) => c.fullName);
    expect(names).toContain('Lê Văn Chưa Học');
    expect(names).not.toContain('Phạm Văn Bận');
    expect(names).not.toContain('Đỗ Văn Hết Hạn');
    expect(names).not.toContain('Vũ Văn Nhỏ');
    expect(
      page.items.find((c: { fullName: string }) => c.fullName === 'Lê Văn Chưa Học').missingTopicIds,
    ).toEqual([w.topicId]);

    const extra = await Promise.all(
      [1, 2, 3].map(() => buildVolunteer(t.db, w.schoolA, { skill: sampling, topicId: w.topicId })),
    );
    const over = await w.offA.post(`/api/waves/${wave.id}/members`, {
      orgId: w.schoolA.id,
      skill: 'sampling',
      profileIds: [ready.profileId, ...extra.map((e) => e.profileId)],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({
      code: 'waves.over_quota',
      details: { quota: 3, taken: 0, asked: 4 },
    });

    const first = await w.offA.post(`/api/waves/${wave.id}/members`, {
      orgId: w.schoolA.id,
      profileIds: [ready.profileId, noTopic.profileId],
    });
    const member = first.json().members.find((m: { fullName: string }) => m.fullName === ready.name);
    expect((await w.offA.del(`/api/waves/${wave.id}/members/${member.id}`)).statusCode).toBe(200);
    const after = (await w.offA.get(`/api/waves/${wave.id}/members`)).json();
    expect(after.find((m: { id: number }) => m.id === member.id).status).toBe('withdrawn');
  });

  it('keeps each institution to its own volunteers, quota and numbers', async () => {
    const wave = await openWave();
    const a = await buildVolunteer(t.db, w.schoolA, { name: 'Hoàng Thị Trường A', topicId: w.topicId });
    const b = await buildVolunteer(t.db, w.schoolB, { name: 'Bùi Văn Trường B', topicId: w.topicId });
    await w.offA.post(`/api/waves/${wave.id}/members`, { orgId: w.schoolA.id, profileIds: [a.profileId] });
    expectFieldRefusal(
      await w.offA.post(`/api/waves/${wave.id}/members`, { orgId: w.schoolA.id, profileIds: [b.profileId] }),
      'body.profileIds.0',
      [b.name],
    );
    expectFieldRefusal(
      await w.offA.post(`/api/waves/${wave.id}/members`, { orgId: w.schoolB.id, profileIds: [b.profileId] }),
      'body.orgId',
      [w.schoolB.name],
    );
    expectFieldRefusal(
      await w.offB.get(`/api/waves/${wave.id}/candidates?orgId=${w.schoolA.id}`),
      'querystring.orgId',
      [a.name],
    );
    const membersB = await w.offB.get(`/api/waves/${wave.id}/members`);
    expect(membersB.json()).toEqual([]);
    const fillB = await w.offB.get(`/api/waves/${wave.id}/fill`);
    expect(fillB.body).not.toContain(a.name);
    expect(fillB.body).not.toContain(w.schoolA.name);
    expect(fillB.json().institutions).toHaveLength(1);
    const memberA = (await w.offA.get(`/api/waves/${wave.id}/members`)).json()[0];
    expectNotFound(await w.offB.del(`/api/waves/${wave.id}/members/${memberA.id}`), [a.name]);
    const quotaA = (await w.offA.get(`/api/waves/${wave.id}`)).json().quotas[0];
    expectNotFound(await put(w.offB, `/api/waves/${wave.id}/quotas/${quotaA.id}/pledge`, { pledged: 3 }), []);
    expect(
      (await put(w.offA, `/api/waves/${wave.id}/quotas/${quotaA.id}/pledge`, { pledged: 3 })).statusCode,
    ).toBe(200);
    const issuerView = (await w.issuer.get(`/api/waves/${wave.id}/fill`)).json();
    expect(issuerView.institutions.find((i: { orgId: number }) => i.orgId === w.schoolA.id).pledged).toBe(3);
    const inbox = (await w.offA.get('/api/waves/inbox')).json();
    expect(inbox.some((r: { waveId: number; quota: number }) => r.waveId === wave.id && r.quota === 3)).toBe(
      true,
    );
    expect((await w.issuer.get('/api/waves/inbox')).json()).toEqual([]);
    const blocks = (await w.offA.get('/api/home')).json().blocks as { key: string; count: number }[];
    expect(blocks.find((b) => b.key === 'waves.requests_pending')?.count).toBeGreaterThan(0);
    const issuerBlocks = (await w.issuer.get('/api/home')).json().blocks as { key: string }[];
    expect(issuerBlocks.map((b) => b.key)).not.toContain('waves.requests_pending');
  });

  it('moves through its states; a stood-down wave stays visible with its reason and tells those concerned', async () => {
    const draft = (await w.issuer.post('/api/waves', waveBody(w))).json();
    expect((await w.issuer.post(`/api/waves/${draft.id}/close`, { version: 1 })).json().error.code).toBe(
      'waves.transition',
    );
    let v = (await w.issuer.post(`/api/waves/${draft.id}/open`, { version: 1 })).json().version;
    v = (await w.issuer.post(`/api/waves/${draft.id}/status`, { version: v, to: 'filled' })).json().version;
    v = (await w.issuer.post(`/api/waves/${draft.id}/status`, { version: v, to: 'deployed' })).json().version;
    const closed = await w.issuer.post(`/api/waves/${draft.id}/close`, { version: v });
    expect(closed.json().status).toBe('closed');
    expect(
      (
        await w.issuer.post(`/api/waves/${draft.id}/stand-down`, {
          version: closed.json().version,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(409);

    const wave = await openWave();
    const linked = await buildVolunteer(t.db, w.schoolA, { topicId: w.topicId });
    await w.offA.post(`/api/waves/${wave.id}/members`, {
      orgId: w.schoolA.id,
      profileIds: [linked.profileId],
    });
    const [user] = await rows<{ id: number }>(
      t.db,
      sql`INSERT INTO users (username, full_name, password_hash, person_id)
          VALUES (${`sv.${linked.personId}`}, ${linked.name}, 'x', ${linked.personId}) RETURNING id`,
    );
    const noReason = await w.issuer.post(`/api/waves/${wave.id}/stand-down`, { version: wave.version });
    expect(noReason.statusCode).toBe(400);
    const before = await notices(w.offA.userId, 'wave_stood_down');
    const down = await w.issuer.post(`/api/waves/${wave.id}/stand-down`, {
      version: wave.version,
      reason: 'Địa phương đã kiểm soát được dịch',
    });
    expect(down.statusCode, down.body).toBe(200);
    expect(await notices(w.offA.userId, 'wave_stood_down')).toBe(before + 1);
    expect(await notices(user!.id, 'wave_stood_down')).toBe(1);
    const listed = (await w.offA.get('/api/waves?status=stood_down')).json();
    expect(listed.find((x: { id: number }) => x.id === wave.id)).toMatchObject({
      status: 'stood_down',
      statusReason: 'Địa phương đã kiểm soát được dịch',
    });
    const propose = await w.offA.post(`/api/waves/${wave.id}/members`, {
      orgId: w.schoolA.id,
      profileIds: [linked.profileId],
    });
    expect(propose.json().error.code).toBe('waves.not_open');
  });
});

describe('names-due reminder', () => {
  it('reminds institutions short of their quota two days before the names are due, once', async () => {
    const t = await createTestApp('2021-05-20T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    await loadBuiltInAdminUnits(t.db);
    const w = await buildWaveWorld(t);
    const created = (await w.issuer.post('/api/waves', waveBody(w, { namesDueOn: '2021-05-22' }))).json();
    await w.issuer.post(`/api/waves/${created.id}/open`, { version: 1 });
    const full = await Promise.all([1, 2].map(() => buildVolunteer(t.db, w.schoolB, { topicId: w.topicId })));
    await w.offB.post(`/api/waves/${created.id}/members`, {
      orgId: w.schoolB.id,
      profileIds: full.map((v) => v.profileId),
    });
    const job = { db: t.db, clock: t.clock, log: { info() {}, warn() {}, error() {} }, mailer: undefined };
    const run = (today: string) => runNamesDueReminders({ ...job, today } as unknown as JobCtx);
    expect(await run('2021-05-19')).toBe('0 names-due notices');
    expect(await run('2021-05-20')).toBe('1 names-due notices');
    expect(await run('2021-05-21')).toBe('0 names-due notices');
    const got = await rows<{ userId: number }>(
      t.db,
      sql`SELECT user_id AS "userId" FROM notifications WHERE kind = 'wave_names_due'`,
    );
    expect(got.map((g) => g.userId)).toEqual([w.offA.userId]);
  });
});
