import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';
import { type Database, openPostgres, rows } from '../../../platform/db/database.ts';
import { buildApp } from '../../../platform/http/app.ts';
import { modules } from '../../index.ts';
import {
  buildMinistry,
  buildVolunteers,
  buildWave,
  type Forest,
  proposeMembers,
  type Wave,
} from './deployment.fixtures.ts';

/**
 * Fifty requests at once deploying the same people in fifty overlapping waves, through two app instances on one
 * database (on PostgreSQL, a pool of several connections each): exactly one assignment per person wins, the rest
 * are refused with the overlap conflict (never a 500), and the table holds no two overlapping assignments.
 */
describe('deployment under concurrency', () => {
  let t: TestApp;
  let f: Forest;
  let sessions: Session[];
  let waves: Wave[];
  const persons = 10;

  beforeAll(async () => {
    t = await createTestApp('2021-05-27T02:00:00Z');
    // On PostgreSQL the second instance has its own pool on the same database, as a second server would.
    let other: Database = t.database;
    if (t.database.kind === 'postgres') {
      const [{ name }] = (await rows<{ name: string }>(t.db, sql`SELECT current_database() AS name`)) as [
        { name: string },
      ];
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      other = await openPostgres(url.toString(), 5);
      const opened = other;
      afterAll(() => opened.close());
    }
    const second = await buildApp(
      { database: other, db: other.db, clock: t.clock, config: t.config },
      modules,
    );
    await second.ready();
    f = await buildMinistry(t.db);
    const u = await buildUser(t.db, { grants: [{ org: f.ministry, role: 'mobilisation_officer' }] });
    sessions = [
      await signIn(t, u.username, u.password),
      await signIn({ app: second }, u.username, u.password),
    ];
    const people = await buildVolunteers(t.db, f.schoolA, persons);
    waves = [];
    for (let k = 0; k < 50; k++) {
      const w = await buildWave(t.db, f.ministry, {
        title: `Đợt ${k + 1}`,
        startsOn: '2021-06-01',
        endsOn: '2021-06-30',
      });
      await proposeMembers(t.db, w.id, people);
      waves.push(w);
    }
  }, 120_000);

  async function overlapsInTable(): Promise<number> {
    const [r] = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM volunteer_assignments a JOIN volunteer_assignments b
            ON a.person_id = b.person_id AND a.id < b.id AND a.status <> 'cancelled' AND b.status <> 'cancelled'
           AND daterange(a.starts_on, coalesce(a.ended_on, a.ends_on), '[]') && daterange(b.starts_on, coalesce(b.ended_on, b.ends_on), '[]')`,
    );
    return r!.n;
  }

  it('lets exactly one deployment per person win; the others are 409 overlap; no overlap in the table', async () => {
    // Request k deploys persons k mod 10 and k+1 mod 10 in wave k: every person is wanted by ten requests.
    const members = await rows<{ id: number; waveId: number; personId: number }>(
      t.db,
      sql`SELECT id, wave_id AS "waveId", person_id AS "personId" FROM wave_members ORDER BY person_id`,
    );
    const personIds = [...new Set(members.map((m) => m.personId))].sort((a, b) => a - b);
    const answers = await Promise.all(
      waves.map((w, k) => {
        const wanted = [personIds[k % persons]!, personIds[(k + 1) % persons]!];
        const items = wanted.map((p) => ({
          memberId: members.find((m) => m.waveId === w.id && m.personId === p)!.id,
          destinationId: w.destinations[0]!.id,
        }));
        return sessions[k % 2]!.post(`/api/waves/${w.id}/assignments`, { items });
      }),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c !== 200 && c !== 409)).toEqual([]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().error.code).toBe('deployment.overlap');
    const perPerson = await rows<{ personId: number; n: number }>(
      t.db,
      sql`SELECT person_id AS "personId", count(*)::int AS n FROM volunteer_assignments GROUP BY person_id`,
    );
    expect(perPerson.every((p) => p.n === 1)).toBe(true);
    // Each winning request deployed its two people (all or nothing); winners hold disjoint pairs.
    expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(4);
    expect(codes.filter((c) => c === 200).length).toBe(perPerson.length / 2);
    expect(await overlapsInTable()).toBe(0);
  }, 120_000);
});
