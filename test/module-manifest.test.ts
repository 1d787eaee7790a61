import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAuditWords } from '../src/contracts/audit-vocabulary.ts';
import { modules } from '../src/modules/index.ts';
import { installedAuditVocabulary } from '../src/platform/audit.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { rows } from '../src/platform/db/database.ts';
import { defineErrors } from '../src/platform/errors.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { listIndicatorSources } from '../src/platform/indicators.ts';
import { noMailer } from '../src/platform/mailer.ts';
import type { ModuleDef } from '../src/platform/modules.ts';
import { createScheduler, registerModuleJobs } from '../src/platform/scheduler.ts';
import { moveOrgPathCopies, orgPathCopies } from '../src/platform/subtree-moves.ts';
import { buildOrg, buildUser } from './helpers/factories.ts';
import { signIn } from './helpers/test-app.ts';
import { createTestDatabase } from './helpers/test-db.ts';

/**
 * "How to add a module" (ARCHITECTURE.md), proven: a module that exists only here is wired into the app, the API
 * document, the subtree mover, the indicator list, the home page, the scheduler and the audit log's words by one line — its manifest in the list.
 */
const fixtureErrors = defineErrors('fixture', { thing_missing: { status: 404, message: 'Không có.' } });
const fixtureAuditWords = defineAuditWords({
  module: 'fixture',
  actions: { 'fixture.poke': { vi: 'Chọc thử', en: 'Poke' } },
  entities: { fixture_thing: { vi: 'Đồ thử', en: 'Test thing' } },
  fields: { shine: { vi: 'Độ bóng', en: 'Shine' } },
});
const hookCalls: string[] = [];
const fixtureModule: ModuleDef = {
  name: 'fixture',
  tags: [{ name: 'Fixture', description: 'A module made for this test' }],
  routes: [
    (app) => {
      app.get(
        '/api/fixture/ping',
        { schema: { tags: ['Fixture'], security: [], response: { 200: z.object({ pong: z.boolean() }) } } },
        async () => ({ pong: true }),
      );
    },
  ],
  pathCopies: [{ table: 'fixture_things', column: 'org_path' }],
  subtreeMoveHooks: { 'fixture.moved': async (_tx, move) => void hookCalls.push(move.newPath) },
  indicatorSources: [
    {
      key: 'fixture.things',
      nameVi: 'Số thứ',
      nameEn: 'Things',
      kinds: ['count'],
      compute: async () => ({ value: 7 }),
    },
  ],
  homeBlocks: [
    {
      key: 'fixture.todo',
      load: async () => ({ count: 3, urgent: null, link: '/fixture', items: [] }),
    },
  ],
  jobs: [{ kind: 'daily', name: 'fixture-daily', run: async () => 'fixture ran' }],
  errors: [fixtureErrors.catalogue],
  auditWords: [fixtureAuditWords],
};

describe('a module added by its manifest alone', () => {
  it('gets its routes, tags, path copies, hooks, indicator source, home block, job, errors and audit words wired in', async () => {
    const database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/unused' });
    const clock = fixedClock('2026-05-04T08:00:00Z');
    const app = await buildApp({ database, db: database.db, clock, config }, [...modules, fixtureModule]);
    await app.ready();

    expect((await app.inject({ method: 'GET', url: '/api/fixture/ping' })).json()).toEqual({ pong: true });
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.tags).toContainEqual({ name: 'Fixture', description: 'A module made for this test' });
    expect(doc.paths['/api/fixture/ping']).toBeDefined();

    expect(listIndicatorSources().map((s) => s.key)).toContain('fixture.things');
    const user = await buildUser(database.db, {
      grants: [{ org: await buildOrg(database.db), role: 'viewer' }],
    });
    const session = await signIn({ app }, user.username, user.password);
    expect((await session.get('/api/home')).json().blocks).toContainEqual({
      key: 'fixture.todo',
      count: 3,
      urgent: null,
      link: '/fixture',
      items: [],
    });
    expect(orgPathCopies()).toContainEqual({ table: 'fixture_things', column: 'org_path' });
    await database.db.execute(sql`CREATE TABLE fixture_things (org_path ltree)`);
    await database.db.execute(sql`INSERT INTO fixture_things VALUES ('1.2.3'), ('1.9')`);
    await database.db.transaction((tx) =>
      moveOrgPathCopies(tx, { oldPath: '1.2', newPath: '5.2', oldParentPath: '1', newParentPath: '5' }),
    );
    const moved = await rows<{ p: string }>(
      database.db,
      sql`SELECT org_path::text AS p FROM fixture_things ORDER BY 1`,
    );
    expect(moved.map((r) => r.p)).toEqual(['1.9', '5.2.3']);
    expect(hookCalls).toEqual(['5.2']);

    const scheduler = createScheduler({ db: database.db, clock, mailer: noMailer });
    registerModuleJobs(scheduler, [...modules, fixtureModule], noMailer);
    expect(await scheduler.tick()).toContainEqual({
      name: 'fixture-daily',
      ran: true,
      result: 'ok: fixture ran',
    });

    const words = installedAuditVocabulary();
    expect(words.actionLabel('vi', 'fixture.poke')).toBe('Chọc thử');
    expect(words.entityLabel('en', 'fixture_thing')).toBe('Test thing');
    expect(words.describeChanges('vi', { shine: 1 }, { shine: 2 })).toEqual([
      { field: 'shine', label: 'Độ bóng', before: '1', after: '2' },
    ]);

    const err = fixtureErrors.thing_missing();
    expect([err.code, err.status]).toEqual(['fixture.thing_missing', 404]);
    await app.close();
    await database.close();
  });
});
