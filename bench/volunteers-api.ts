import { sql } from 'drizzle-orm';
import { type Db, rows } from '../src/platform/db/database.ts';
import type { BuiltOrg } from '../test/helpers/factories.ts';
import { TEST_PASSWORD } from '../test/helpers/factories.ts';
import {
  overlapsIn,
  pickVolunteers,
  type Timing,
  timed,
  timing,
  type VolunteersResult,
} from './volunteers-bench.ts';
import { openWave, type VolunteersData } from './volunteers-data.ts';

/**
 * The same four measurements through the agreed HTTP API (docs: helpers' CONTEXT, issue 11): readiness, wave
 * candidates, the 375-row deployment commit, and 50 conflicting commits sent to two app instances. Before the
 * registry, waves and deployment routes are merged, each probe answers 404 and the part is reported as
 * "API not available" instead of failing the run.
 */

type Headers = Record<string, string>;
const NOT_AVAILABLE = (path: string, status: number) => `API not available (${path} answered ${status})`;

async function login(base: string, username: string): Promise<Headers> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('ct_session='))!
    .split(';')[0]!;
  return { cookie, 'x-csrf-token': csrfToken };
}

/** One GET; the status when it is not 200 (a 404 before the merge). */
async function probe(url: string, h: Headers): Promise<number> {
  const res = await fetch(url, { headers: h });
  const text = await res.text();
  // A refusal other than the expected conflict is a bench defect: say what the API answered.
  if (res.status === 400) console.error(`[bench] ${url} answered 400: ${text.slice(0, 500)}`);
  return res.status;
}

async function getTimed(url: string, h: Headers, n: number): Promise<Timing | string> {
  const status = await probe(url, h);
  if (status !== 200) return NOT_AVAILABLE(new URL(url).pathname, status);
  return timing(await timed(n, () => probe(url, h)));
}

/** Proposed members of a fresh wave for `picks`, under one quota per institution (what the waves API leaves for the commit). */
async function membersFor(db: Db, waveId: number, picks: { profileId: number; personId: number }[]) {
  const ids = `{${picks.map((p) => p.profileId).join(',')}}`;
  await db.execute(sql`
    INSERT INTO wave_quotas (wave_id, org_id, org_path, quota, pledged)
    SELECT ${waveId}, org_id, org_path, count(*), count(*) FROM volunteer_profiles WHERE id = ANY(${ids}::int[])
    GROUP BY org_id, org_path`);
  return rows<{ id: number }>(
    db,
    sql`INSERT INTO wave_members (wave_id, quota_id, profile_id, person_id, org_path, status)
        SELECT ${waveId}, q.id, p.id, p.person_id, p.org_path, 'proposed'
        FROM volunteer_profiles p JOIN wave_quotas q ON q.wave_id = ${waveId} AND q.org_id = p.org_id
        WHERE p.id = ANY(${ids}::int[]) ORDER BY p.id RETURNING id`,
  );
}

async function post(base: string, path: string, h: Headers, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...h, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  // A refusal other than the expected conflict is a bench defect: say what the API answered.
  if (res.status === 400) console.error(`[bench] ${path} answered 400: ${text.slice(0, 500)}`);
  return res.status;
}

export async function apiPart(o: {
  db: Db;
  data: VolunteersData;
  user: { username: string };
  bases: [string, string];
  n: number;
  quick: boolean;
  school: BuiltOrg;
  wave: { id: number; from: string; to: string };
}): Promise<{
  readiness: Timing | string;
  candidates: Timing | string;
  commit: Timing | string;
  conflicts: VolunteersResult['conflicts']['api'];
}> {
  const [baseA, baseB] = o.bases;
  const hA = await login(baseA, o.user.username);
  const hB = await login(baseB, o.user.username);
  const readiness = await getTimed(`${baseA}/api/volunteers/readiness?orgId=${o.data.root.id}`, hA, o.n);
  // The waves API answers candidates for an institution asked by the wave: give the school its quota.
  await o.db.execute(sql`
    INSERT INTO wave_quotas (wave_id, org_id, org_path, quota)
    SELECT ${o.wave.id}, id, path, 20 FROM organisations WHERE id = ${o.school.id}
    ON CONFLICT (wave_id, org_id) DO NOTHING`);
  const candidates = await getTimed(
    `${baseA}/api/waves/${o.wave.id}/candidates?orgId=${o.school.id}&skill=sampling`,
    hA,
    o.n,
  );
  // (c) 375 members of a fresh wave each run, committed in one request.
  const commitMs: number[] = [];
  let commit: Timing | string = '';
  for (let i = 0; i < (o.quick ? 3 : 5); i++) {
    const w = await openWave(o.db, o.data.cuc, `Bench API: 375 #${i}`, '2029-03-01', '2029-03-10');
    const members = await membersFor(o.db, w.id, await pickVolunteers(o.db, 375, 3_000 + i * 375));
    const body = { items: members.map((m) => ({ memberId: m.id, destinationId: w.destinationId })) };
    const t0 = performance.now();
    const status = await post(baseA, `/api/waves/${w.id}/assignments`, hA, body);
    if (status === 404 || status >= 500) {
      commit = NOT_AVAILABLE(`/api/waves/${w.id}/assignments`, status);
      break;
    }
    if (status >= 300) throw new Error(`API commit 375: ${status}`);
    commitMs.push(performance.now() - t0);
  }
  if (!commit) commit = timing(commitMs);
  // (d) the same 10 members, 50 requests with overlapping dates, alternately to the two instances.
  let conflicts: VolunteersResult['conflicts']['api'];
  if (typeof commit === 'string') conflicts = commit;
  else {
    const cw = await openWave(o.db, o.data.cuc, 'Bench API: xung đột', '2029-09-01', '2029-09-30');
    const members = await membersFor(o.db, cw.id, await pickVolunteers(o.db, 10, 9_000));
    const t0 = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(i % 2 ? baseB : baseA, `/api/waves/${cw.id}/assignments`, i % 2 ? hB : hA, {
          items: members.map((m) => ({
            memberId: m.id,
            destinationId: cw.destinationId,
            startsOn: `2029-09-${String(1 + (i % 10)).padStart(2, '0')}`,
            endsOn: `2029-09-${String(12 + (i % 10)).padStart(2, '0')}`,
          })),
        }),
      ),
    );
    conflicts = {
      requests: 50,
      ok: statuses.filter((s) => s < 300).length,
      refused: statuses.filter((s) => s >= 400 && s < 500).length,
      overlaps: await overlapsIn(o.db, [cw.id]),
      ms: performance.now() - t0,
    };
  }
  return { readiness, candidates, commit, conflicts };
}
